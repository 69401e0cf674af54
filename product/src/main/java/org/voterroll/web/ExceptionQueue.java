package org.voterroll.web;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.county.MatchingFile;
import org.voterroll.county.TownshipNames;
import org.voterroll.web.Descriptions;
import org.voterroll.decisions.Verdict;
import org.voterroll.identity.Explanation;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.roll.Labels;
import org.voterroll.rules.Raised;

/**
 * A township's exception queue as the nightly job left it in table exception_item, with the decisions of table
 * decision (county + fingerprint: the next run applies them and does not raise the item again).
 */
@Component
public class ExceptionQueue {
    public record RunRef(String runId, String countyCode, String countyName, LocalDateTime finishedAt) {}

    public record Item(String runId, int itemNo, String code, String level, String townshipCode, String districtCode,
                       String idNumbers, String names, String description, String evidence, String fingerprint, Long personId,
                       String verdict, String decidedBy, LocalDateTime decidedAt) {
        public boolean open() { return verdict == null; }
        public boolean blocking() { return "blocking".equals(level); }
        public String verdictLabel() { return verdict == null ? null : Verdict.valueOf(verdict).label(); }
    }

    public record DecisionRow(long id, String verdict, String districtCode, String note, String decidedBy, LocalDateTime decidedAt, String runId) {
        public String verdictLabel() { return Verdict.valueOf(verdict).label(); }
    }

    /** A decided item whose person the latest run places differently from the run the decision was made on. */
    public record Outcome(String code, String verdict, String decidedBy, LocalDateTime decidedAt, String decisionRunId, int itemNo,
                          String names, String before, String after, boolean changed) {
        public String verdictLabel() { return Verdict.valueOf(verdict).label(); }
    }

    private static final String ITEM_SELECT = """
            SELECT e.run_id, e.item_no, e.code, e.level, e.township_code, e.district_code, e.id_numbers, e.names, e.description,
                   e.evidence, e.fingerprint, e.person_id, d.verdict, d.decided_by, d.decided_at
            FROM exception_item e
            JOIN run r ON r.run_id = e.run_id
            LEFT JOIN decision d ON d.decision_id =
                 (SELECT MAX(d2.decision_id) FROM decision d2 WHERE d2.county_code = r.county_code AND d2.fingerprint = e.fingerprint)
            """;

    /** Which items a queue holds: one township's, the county office's (items without a township), or the whole county's. */
    public enum Area { TOWNSHIP, COUNTY_OFFICE, WHOLE_COUNTY }

    /** One row of a queue page as a clerk reads it: labels in Chinese, district by name, the day the item was first raised. */
    public record Row(Item item, String typeLabel, String levelLabel, String townshipName, String districtName, String description,
                      LocalDateTime firstRaised, long ageDays) {}

    public record Page(List<Row> rows, long total, int page, int pages) {}

    /** Per type: how many items, how many still open. */
    public record TypeCount(String code, String label, String levelLabel, long total, long open) {}

    /** Per township of the county (none: the county office): counts and the age of the oldest open blocking item. */
    public record TownshipCount(String townshipCode, String townshipName, long total, long open, long blockingOpen, Long oldestBlockingDays) {}

    /**
     * A queue's items with their decision and the start of the first run of the county that raised the same evidence (an item
     * decided on keeps no age; one raised again and again is as old as its first raising). Filters are added after WHERE.
     */
    private static final String QUEUE_SELECT = """
            SELECT e.run_id, e.item_no, e.code, e.level, e.township_code, e.district_code, e.id_numbers, e.names, e.description,
                   e.evidence, e.fingerprint, e.person_id, d.verdict, d.decided_by, d.decided_at,
                   (SELECT MIN(r2.started_at) FROM exception_item e2 JOIN run r2 ON r2.run_id = e2.run_id
                    WHERE e2.fingerprint = e.fingerprint AND r2.county_code = r.county_code) AS first_raised
            FROM exception_item e
            JOIN run r ON r.run_id = e.run_id
            LEFT JOIN decision d ON d.decision_id =
                 (SELECT MAX(d2.decision_id) FROM decision d2 WHERE d2.county_code = r.county_code AND d2.fingerprint = e.fingerprint)
            WHERE e.run_id = ?
            """;

    private final JdbcTemplate jdbc;
    private final Explanation explanation;

    public ExceptionQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.explanation = new Explanation(jdbc);
    }

    /** The county's latest completed run: its queue is the one to work on (a township code starts with its county's code). */
    public Optional<RunRef> latestRun(String townshipCode) {
        return jdbc.query("""
                SELECT run_id, county_code, county_name, finished_at FROM run
                WHERE county_code = ? AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1""",
                (rs, i) -> new RunRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime()),
                townshipCode.substring(0, Math.min(6, townshipCode.length()))).stream().findFirst();
    }

    public List<Item> items(String runId, String townshipCode, String code, String level) {
        List<Object> args = new ArrayList<>(List.of(runId, townshipCode));
        StringBuilder sql = new StringBuilder(ITEM_SELECT).append(" WHERE e.run_id = ? AND e.township_code = ?");
        if (code != null && !code.isBlank()) {
            sql.append(" AND e.code = ?");
            args.add(code);
        }
        if (level != null && !level.isBlank()) {
            sql.append(" AND e.level = ?");
            args.add(level);
        }
        sql.append(" ORDER BY CASE WHEN e.level = 'blocking' THEN 0 ELSE 1 END, e.item_no");
        return jdbc.query(sql.toString(), (rs, i) -> item(rs), args.toArray());
    }

    /** Blocking items with no decision yet: the township's roll cannot be posted while there are any. */
    public int blockingOpen(String runId, String townshipCode) {
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM exception_item e JOIN run r ON r.run_id = e.run_id
                WHERE e.run_id = ? AND e.township_code = ? AND e.level = 'blocking'
                  AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.county_code = r.county_code AND d.fingerprint = e.fingerprint)""",
                Integer.class, runId, townshipCode);
        return n == null ? 0 : n;
    }

    /** One page of a queue, filtered and searched in the database: open items first, the oldest first, blocking before info. */
    public Page page(String runId, Area area, String townshipCode, QueueFilter f) {
        List<Object> args = new ArrayList<>(List.of(runId));
        String where = where(area, townshipCode, f, args);
        args.add(QueueFilter.PAGE_SIZE);
        args.add(f.offset());
        Map<String, String> districtNames = districtNames(runId);
        Map<String, String> townshipNames = townshipNames(runId);
        LocalDateTime now = LocalDateTime.now();
        long[] total = {0};
        List<Row> rows = jdbc.query("SELECT q.*, COUNT(*) OVER () AS total FROM (" + QUEUE_SELECT + where + """
                ) q
                ORDER BY CASE WHEN q.verdict IS NULL THEN 0 ELSE 1 END, q.first_raised, CASE WHEN q.level = 'blocking' THEN 0 ELSE 1 END, q.item_no
                LIMIT ? OFFSET ?""", (rs, i) -> {
            total[0] = rs.getLong("total");
            Item it = item(rs);
            Timestamp first = rs.getTimestamp("first_raised");
            LocalDateTime firstRaised = first == null ? null : first.toLocalDateTime();
            return new Row(it, Labels.exception(it.code()), Raised.Level.chinese(it.level()),
                    it.townshipCode() == null ? "县选举委员会" : townshipNames.getOrDefault(it.townshipCode(), it.townshipCode()),
                    it.districtCode() == null ? null : districtNames.get(it.districtCode()),
                    Descriptions.forClerk(it.description(), districtNames, townshipNames),
                    firstRaised, firstRaised == null ? 0 : java.time.Duration.between(firstRaised, now).toDays());
        }, args.toArray());
        if (rows.isEmpty() && f.page() > 1) {
            // a page past the end: the count is still wanted for the page links
            List<Object> countArgs = new ArrayList<>(List.of(runId));
            String w = where(area, townshipCode, f, countArgs);
            total[0] = jdbc.queryForObject("SELECT COUNT(*) FROM (" + QUEUE_SELECT + w + ") q", Long.class, countArgs.toArray());
        }
        return new Page(rows, total[0], f.page(), QueueFilter.pages(total[0]));
    }

    private static String where(Area area, String townshipCode, QueueFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder();
        switch (area) {
            case TOWNSHIP -> {
                w.append(" AND e.township_code = ?");
                args.add(townshipCode);
            }
            case COUNTY_OFFICE -> w.append(" AND e.township_code IS NULL");
            case WHOLE_COUNTY -> { }
        }
        if (f.type() != null) {
            w.append(" AND e.code = ?");
            args.add(f.type());
        }
        if (f.level() != null) {
            w.append(" AND e.level = ?");
            args.add(f.level());
        }
        if (f.district() != null) {
            w.append(" AND e.district_code = ?");
            args.add(f.district());
        }
        if ("open".equals(f.state())) w.append(" AND d.verdict IS NULL");
        if ("decided".equals(f.state())) w.append(" AND d.verdict IS NOT NULL");
        if (f.search() != null && f.search().number() != null) {
            w.append(" AND e.id_numbers LIKE ?");
            args.add("%" + f.search().number() + "%");
        } else if (f.search() != null) {
            w.append(" AND e.names LIKE ?");
            args.add("%" + f.search().name() + "%");
        }
        return w.toString();
    }

    /** How many items of each type the queue holds and how many are open, in the order of RULES.md's table. */
    public List<TypeCount> typeCounts(String runId, Area area, String townshipCode) {
        List<Object> args = new ArrayList<>(List.of(runId));
        String where = where(area, townshipCode, QueueFilter.parse(null, null, null, null, null, null, Set.of(), Map.of()), args);
        return jdbc.query("""
                SELECT q.code, q.level, COUNT(*), SUM(CASE WHEN q.verdict IS NULL THEN 1 ELSE 0 END)
                FROM (""" + QUEUE_SELECT + where + ") q GROUP BY q.code, q.level ORDER BY q.code",
                (rs, i) -> new TypeCount(rs.getString(1), Labels.exception(rs.getString(1)), Raised.Level.chinese(rs.getString(2)),
                        rs.getLong(3), rs.getLong(4)), args.toArray());
    }

    /** The whole county's queue per township, the county office's items (township none) last. */
    public List<TownshipCount> townshipCounts(String runId) {
        Map<String, String> names = townshipNames(runId);
        LocalDateTime now = LocalDateTime.now();
        return jdbc.query("""
                SELECT q.township_code, COUNT(*),
                       SUM(CASE WHEN q.verdict IS NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN q.verdict IS NULL AND q.level = 'blocking' THEN 1 ELSE 0 END),
                       MIN(CASE WHEN q.verdict IS NULL AND q.level = 'blocking' THEN q.first_raised END)
                FROM (""" + QUEUE_SELECT + """
                ) q GROUP BY q.township_code ORDER BY CASE WHEN q.township_code IS NULL THEN 1 ELSE 0 END, q.township_code""",
                (rs, i) -> {
                    String t = rs.getString(1);
                    Timestamp oldest = rs.getTimestamp(5);
                    return new TownshipCount(t, t == null ? "县选举委员会（无乡镇的事项）" : names.getOrDefault(t, t), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), oldest == null ? null : java.time.Duration.between(oldest.toLocalDateTime(), now).toDays());
                }, runId);
    }

    /** The run's districts, code to name, in code order. */
    public Map<String, String> districtNames(String runId) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT district_code, district_name FROM district WHERE run_id = ? ORDER BY district_code",
                rs -> { out.put(rs.getString(1), rs.getString(2)); }, runId);
        return out;
    }

    /** The run's village and community codes covered by a district, area code to the district's code. */
    public Map<String, String> areaDistricts(String runId) {
        Map<String, String> out = new java.util.HashMap<>();
        jdbc.query("SELECT area_code, district_code FROM district_area WHERE run_id = ?", rs -> { out.put(rs.getString(1), rs.getString(2)); }, runId);
        return out;
    }

    /** The districts of one township, code to name: the only ones its clerk may choose (指定选区). */
    public Map<String, String> districtsOf(String runId, String townshipCode) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT district_code, district_name FROM district WHERE run_id = ? AND township_code = ? ORDER BY district_code",
                rs -> { out.put(rs.getString(1), rs.getString(2)); }, runId, townshipCode);
        return out;
    }

    /** The run's townships, code to name (named after their districts, {@link TownshipNames}). */
    public Map<String, String> townshipNames(String runId) {
        Map<String, List<String>> byTownship = new java.util.TreeMap<>();
        jdbc.query("SELECT township_code, district_name FROM district WHERE run_id = ? ORDER BY district_code",
                rs -> { byTownship.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)); }, runId);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        byTownship.forEach((code, names) -> {
            String name = TownshipNames.of(names);
            out.put(code, name == null ? code : name);
        });
        return out;
    }

    /** The thresholds the run matched with: its county's matching.yml as the run read it, or the defaults. */
    public Thresholds thresholds(String runId) {
        String text = jdbc.queryForObject("SELECT matching FROM run WHERE run_id = ?", String.class, runId);
        return text == null ? Thresholds.defaults() : MatchingFile.parse(text, "run " + runId).thresholds();
    }

    /** The county's latest completed run, any county when the account is bound to none (a database of one county). */
    public Optional<RunRef> latestCountyRun(String countyCode) {
        if (countyCode != null) return latestRun(countyCode);
        return jdbc.query("""
                SELECT run_id, county_code, county_name, finished_at FROM run
                WHERE status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1""",
                (rs, i) -> new RunRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime())).stream().findFirst();
    }

    public List<String> codes(String runId, String townshipCode) {
        return jdbc.queryForList("SELECT DISTINCT code FROM exception_item WHERE run_id = ? AND township_code = ? ORDER BY code",
                String.class, runId, townshipCode);
    }

    public Optional<Item> item(String runId, int itemNo) {
        return jdbc.query(ITEM_SELECT + " WHERE e.run_id = ? AND e.item_no = ?", (rs, i) -> item(rs), runId, itemNo).stream().findFirst();
    }

    public String countyOf(String runId) {
        return jdbc.queryForObject("SELECT county_code FROM run WHERE run_id = ?", String.class, runId);
    }

    public List<DecisionRow> history(String countyCode, String fingerprint) {
        return jdbc.query("""
                SELECT decision_id, verdict, district_code, note, decided_by, decided_at, run_id FROM decision
                WHERE county_code = ? AND fingerprint = ? ORDER BY decision_id DESC""",
                (rs, i) -> new DecisionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime(), rs.getString(7)), countyCode, fingerprint);
    }

    /** The people an item is about: its person, and whoever carries one of its numbers in that run. */
    public List<Explanation.Person> persons(Item item) {
        Set<Long> ids = new LinkedHashSet<>();
        if (item.personId() != null) ids.add(item.personId());
        if (item.idNumbers() != null) {
            for (String n : new LinkedHashSet<>(List.of(item.idNumbers().split(";")))) {
                if (n.isBlank()) continue;
                ids.addAll(jdbc.queryForList("SELECT person_id FROM person_run WHERE run_id = ? AND id_number = ? ORDER BY person_id",
                        Long.class, item.runId(), n.trim()));
            }
        }
        List<Explanation.Person> out = new ArrayList<>();
        for (Long id : ids) explanation.person(item.runId(), id).ifPresent(out::add);
        return out;
    }

    /** Every record linked to the item's people, certain or not, with the match score and its per-field weights. */
    public List<Explanation.LinkedRecord> links(String runId, List<Explanation.Person> persons) {
        List<Explanation.LinkedRecord> out = new ArrayList<>();
        for (Explanation.Person p : persons) out.addAll(explanation.links(runId, p.personId()));
        return out;
    }

    public List<String> districts(String runId) {
        return jdbc.queryForList("SELECT district_code FROM district WHERE run_id = ? ORDER BY district_code", String.class, runId);
    }

    public void decide(Item item, String countyCode, Verdict verdict, String districtCode, String note, String by) {
        jdbc.update("""
                INSERT INTO decision (county_code, fingerprint, code, verdict, district_code, note, decided_by, decided_at, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", countyCode, item.fingerprint(), item.code(), verdict.name(),
                verdict == Verdict.CHOOSE_DISTRICT ? districtCode : null, note, by, Timestamp.valueOf(LocalDateTime.now()), item.runId());
    }

    /**
     * The township's decided items and what became of their person: the outcome (listed where, or why not) in the run the
     * decision was made on against the latest run's. A run that changed the outcome is flagged so the clerk can check it.
     */
    public List<Outcome> outcomes(String townshipCode, String latestRunId) {
        List<Outcome> out = new ArrayList<>();
        jdbc.query("""
                SELECT d.code, d.verdict, d.decided_by, d.decided_at, d.run_id, e.item_no, e.names, e.person_id
                FROM decision d
                JOIN exception_item e ON e.run_id = d.run_id AND e.fingerprint = d.fingerprint
                WHERE d.county_code = ? AND e.township_code = ?
                  AND d.decision_id = (SELECT MAX(d2.decision_id) FROM decision d2 WHERE d2.county_code = d.county_code AND d2.fingerprint = d.fingerprint)
                ORDER BY d.decided_at DESC LIMIT 200""", rs -> {
            Long person = (Long) rs.getObject(8, Long.class);
            String before = person == null ? null : outcome(rs.getString(5), person);
            String after = person == null ? null : outcome(latestRunId, person);
            out.add(new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime(), rs.getString(5),
                    rs.getInt(6), rs.getString(7), before, after, person != null && !rs.getString(5).equals(latestRunId) && !Objects.equals(before, after)));
        }, townshipCode.substring(0, 6), townshipCode);
        return out;
    }

    private String outcome(String runId, long personId) {
        List<Map<String, Object>> r = jdbc.queryForList("SELECT listed, district_code, reason FROM registration WHERE run_id = ? AND person_id = ?",
                runId, personId);
        if (r.isEmpty()) return "未考虑";
        Map<String, Object> m = r.get(0);
        if (Boolean.TRUE.equals(m.get("listed"))) {
            String code = (String) m.get("district_code");
            String name = districtNames(runId).get(code);
            return "列入 " + (name == null ? code : name + "（" + code + "）");
        }
        String reason = (String) m.get("reason");
        try {
            return "未列入：" + org.voterroll.rules.Reason.valueOf(reason).label();
        } catch (RuntimeException unknown) {
            return "未列入：" + reason;
        }
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(15);
        return new Item(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), (Long) rs.getObject(12, Long.class), rs.getString(13),
                rs.getString(14), at == null ? null : at.toLocalDateTime());
    }
}
