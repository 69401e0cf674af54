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
import org.voterroll.exceptions.Verdict;
import org.voterroll.identity.Explanation;

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
        return (int) items(runId, townshipCode, null, "blocking").stream().filter(Item::open).count();
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
        return Boolean.TRUE.equals(m.get("listed")) ? "列入 " + m.get("district_code") : "未列入 (" + m.get("reason") + ")";
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(15);
        return new Item(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), (Long) rs.getObject(12, Long.class), rs.getString(13),
                rs.getString(14), at == null ? null : at.toLocalDateTime());
    }
}
