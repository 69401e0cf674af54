package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.LINK_COLUMNS;
import static org.voterroll.identity.ResolveStore.PERSON_SELECT;
import static org.voterroll.identity.ResolveStore.readPerson;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.decisions.DecisionBook;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.GroupingReader;

/** Phase (B) of identity resolution: mistyped numbers repaired (RepairRule). */
final class RepairPhase {
    private final ResolveStore store;
    private final String runId;
    private final JdbcTemplate streaming;

    RepairPhase(ResolveStore store) {
        this.store = store;
        this.runId = store.runId;
        this.streaming = store.streaming;
    }

    /**
     * (B) numbers that fail their check digit, contradict their record, or are legacy numbers of nobody near a police
     * number (NumberPhase#legacyStrays), one digit or swap from a person.
     */
    void run(Connection c, DecisionBook decisions) throws SQLException {
        try (BufferedCopy cand = new BufferedCopy(c, "repair_stage", List.of("run_id", "rec_id", "candidate"))) {
            streaming.query("""
                    SELECT p.rec_id, r.id_number, r.id_status FROM pending p JOIN src_record r ON r.rec_id = p.rec_id
                    WHERE p.run_id = ? AND r.id_number IS NOT NULL""", rs -> {
                String n = rs.getString(2);
                if (n.length() != 18) return;
                // a converted 15-digit number is valid whatever digit was mistyped in it: its neighbours are the 15-digit ones
                List<String> near = "LEGACY15".equals(rs.getString(3)) ? IdNumbers.legacyRepairCandidates(n) : IdNumbers.repairCandidates(n);
                for (String k : near) cand.add(runId, rs.getLong(1), k);
            }, runId);
        }
        try (BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS)) {
            GroupingReader<Long, IdentityRecord, Hit> records = GroupingReader.of(rs -> rs.getLong("rec_id"), IdentityRecord::read,
                    rs -> new Hit(readPerson(rs), rs.getBoolean("spelt_so")), (r, hits) -> decideRepair(r, hits, links, decisions));
            // spelt_so: a person known only from other agencies' records, one of them under their number spelt exactly so
            streaming.query("SELECT " + IdentityRecord.COLUMNS + ", " + PERSON_SELECT + """
                     , CASE WHEN ps.from_huji THEN FALSE ELSE EXISTS (
                           SELECT 1 FROM link l2 JOIN src_record s2 ON s2.rec_id = l2.rec_id
                           WHERE l2.run_id = k.run_id AND l2.person_id = ps.person_id AND l2.certain = TRUE AND s2.name = r.name)
                       END AS spelt_so
                     FROM repair_stage k
                     JOIN src_record r ON r.rec_id = k.rec_id
                     JOIN person_run ps ON ps.run_id = k.run_id AND ps.id_number = k.candidate
                     WHERE k.run_id = ? ORDER BY k.rec_id""", records, runId);
            records.finish();
        }
        store.dropLinkedFromPending();
    }

    /** A person one digit or swap from a record's number, and whether one of their records spells it so (spelt_so). */
    private record Hit(PersonSeed person, boolean speltSo) {}

    private void decideRepair(IdentityRecord r, List<Hit> hits, BufferedCopy links, DecisionBook decisions) throws SQLException {
        List<PersonSeed> distinct = hits.stream().map(Hit::person)
                .collect(java.util.stream.Collectors.toMap(PersonSeed::personKey, p -> p, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
        Set<String> speltSo = new HashSet<>();
        for (Hit h : hits) if (h.speltSo()) speltSo.add(h.person().personKey());
        var link = RepairRule.apply(r, distinct, speltSo);
        if (link.isEmpty()) return;
        // a repaired link's removal evidence is not acted on (rules.Fact#actedOn) but raised for review; the township's
        // verdict on that item is applied here: the same person is a DECIDED link, different people no link at all
        var d = decisions.find(Fingerprint.of("LINK", r.rowHash(), link.get().personKey()));
        if (d.isPresent() && d.get().verdict() == Verdict.DIFFERENT) return;
        if (d.isPresent() && (d.get().verdict() == Verdict.SAME_PERSON || d.get().verdict() == Verdict.CONFIRM_DEATH)) {
            Link l = link.get();
            store.writeLink(links, new Link(l.recId(), l.personKey(), Link.Method.DECIDED, true, l.score(), l.evidence()));
        } else {
            store.writeLink(links, link.get());
        }
    }
}
