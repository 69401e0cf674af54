package org.voterroll.rules;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.voterroll.store.BufferedCopy;

/**
 * One review item per doubtful record (issue 18). The rules decide one person at a time, so a death notice that may be
 * 张成 or a stranger born the same day raised a DEATH_REVIEW at each of them: two items, each naming one person, for one
 * notice that a clerk can only settle by comparing both. The persons' items about one record are joined here into one
 * that names every candidate, best first; its fingerprint is the best candidate's link, so a township's verdict on it is
 * the verdict on that link (a "different people" moves the question to the next candidate on the next night).
 */
final class DoubtfulRecords {
    /** One person's item about the record: the person's number and name, and how well the record scored for them. */
    record Part(Raised raised, long personId, String idNumber, String name, double score) {}

    /** A joined item: what goes into exception_item. */
    record Item(String code, String level, String township, String district, String idNumbers, String names, String description,
                String evidence, String fingerprint, long personId, long recId) {}

    private final Map<Long, List<Part>> byRecord = new TreeMap<>();

    void add(Raised r, PersonFacts p) {
        double score = Double.POSITIVE_INFINITY; // a certain (repaired) link outranks every fuzzy candidate
        for (Fact f : p.facts()) {
            if (f.recId() == r.recId() && f.score() != null && !f.certain()) score = f.score();
        }
        byRecord.computeIfAbsent(r.recId(), k -> new ArrayList<>()).add(new Part(r, p.personId(), p.idNumber(), p.name(), score));
    }

    /** The joined items, in record order; every record one item. */
    List<Item> items() {
        List<Item> out = new ArrayList<>();
        byRecord.forEach((recId, parts) -> out.add(join(recId, parts)));
        return out;
    }

    static Item join(long recId, List<Part> parts) {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingDouble(Part::score).reversed().thenComparingLong(Part::personId));
        Part best = sorted.get(0);
        // a death notice asks whether someone died, whatever else its candidates' items say
        String code = sorted.stream().anyMatch(x -> x.raised().code().equals("DEATH_REVIEW")) ? "DEATH_REVIEW" : best.raised().code();
        List<String> numbers = new ArrayList<>(), names = new ArrayList<>();
        Set<String> evidence = new LinkedHashSet<>();
        StringBuilder description = new StringBuilder();
        if (sorted.size() > 1) description.append("此记录可能是以下 ").append(sorted.size()).append(" 人之一，请核实是谁 (one record, ")
                .append(sorted.size()).append(" possible persons)：");
        for (int i = 0; i < sorted.size(); i++) {
            Part x = sorted.get(i);
            numbers.add(x.idNumber() == null ? "" : x.idNumber());
            names.add(x.name() == null ? "" : x.name());
            evidence.add(x.raised().evidence());
            if (sorted.size() > 1) description.append(i == 0 ? "" : "；").append(i + 1).append(". ").append(x.name()).append("：");
            description.append(x.raised().description());
        }
        // the likeliest person's township handles it; when another township's resident is exactly as likely, no township
        // can tell whose it is, and the county office's queue has it (RULES.md: "no item is without someone to handle
        // it"). Sending every item with a namesake elsewhere there put 724 items of a 1M county in the county office's queue.
        boolean oneTownship = sorted.stream().noneMatch(x -> x != best && x.score() == best.score()
                && !java.util.Objects.equals(x.raised().township(), best.raised().township()));
        if (!oneTownship) description.append("；同样可能的候选人分属不同乡镇，由县选举委员会办公室处理 (equally likely candidates of several townships: the county office's queue)");
        return new Item(code, best.raised().level().label(), oneTownship ? best.raised().township() : null,
                oneTownship ? best.raised().district() : null,
                String.join(";", numbers), String.join(";", names), description.toString(), String.join("; ", evidence),
                best.raised().fingerprint(), best.personId(), recId);
    }

    /** Writes the items after the persons' own; returns the records now in an item. */
    Set<Long> write(BufferedCopy exc, int[] itemNo, String runId) throws SQLException {
        for (Item i : items()) {
            exc.add(runId, ++itemNo[0], i.code(), i.level(), i.township(), i.district(), i.idNumbers(), i.names(), i.description(),
                    i.evidence(), i.fingerprint(), i.personId());
        }
        return byRecord.keySet();
    }
}
