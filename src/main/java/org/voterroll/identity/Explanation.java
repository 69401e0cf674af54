package org.voterroll.identity;

import java.io.PrintStream;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.normalize.IdNumbers;

/**
 * Why the records of a person were linked to them (or offered as candidates), as the resolve step stored
 * it: for each record its source file and line, the method, certainty, score and the field weights.
 */
public final class Explanation {
    private final JdbcTemplate jdbc;

    public Explanation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run explained: the one asked for, else the newest run that resolved identities. */
    public String runOrLatest(String runId) {
        if (runId != null) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM run WHERE run_id = ?", Integer.class, runId) == 0) {
                throw new IllegalArgumentException("no run " + runId);
            }
            return runId;
        }
        List<String> latest = jdbc.queryForList("""
                SELECT r.run_id FROM run r WHERE EXISTS (SELECT 1 FROM person_run p WHERE p.run_id = r.run_id)
                ORDER BY r.started_at DESC, r.run_id DESC LIMIT 1""", String.class);
        if (latest.isEmpty()) throw new IllegalArgumentException("no run has resolved identities yet in this database");
        return latest.get(0);
    }

    /** Persons of the run carrying this number (a 15-digit number is taken as its 18-digit form). */
    public List<Long> personsByNumber(String runId, String number) {
        IdNumbers.Parsed p = IdNumbers.parse(number);
        String n = p.number() != null ? p.number() : number.strip();
        return jdbc.queryForList("SELECT person_id FROM person_run WHERE run_id = ? AND id_number = ? ORDER BY person_id", Long.class, runId, n);
    }

    public void print(String runId, long personId, PrintStream out) {
        var head = jdbc.queryForList("""
                SELECT p.person_key, pr.id_number, pr.name, pr.sex, pr.birth_date, g.listed, g.district_code, g.basis, g.reason
                FROM person_run pr JOIN person p ON p.person_id = pr.person_id
                LEFT JOIN registration g ON g.run_id = pr.run_id AND g.person_id = pr.person_id
                WHERE pr.run_id = ? AND pr.person_id = ?""", runId, personId);
        if (head.isEmpty()) throw new IllegalArgumentException("person " + personId + " is not in run " + runId);
        var h = head.get(0);
        out.printf("person %d (key %s) in run %s: %s %s %s %s%n", personId, h.get("person_key"), runId, h.get("name"),
                h.get("sex") == null ? "?" : h.get("sex"), h.get("birth_date") == null ? "?" : h.get("birth_date"),
                h.get("id_number") == null ? "(no number)" : h.get("id_number"));
        Object listed = h.get("listed");
        out.println(listed == null ? "  outcome: not considered by the rules"
                : Boolean.TRUE.equals(listed) ? "  outcome: listed in " + h.get("district_code") + " (" + h.get("basis") + ")"
                : "  outcome: not listed (" + h.get("reason") + ")");
        jdbc.query("""
                SELECT r.source, r.file_name, r.line_no, r.name, r.id_raw, r.id_status, r.repairs, l.method, l.certain, l.score, l.evidence
                FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? AND l.person_id = ?
                ORDER BY l.certain DESC, r.source, r.file_name, r.line_no""", rs -> {
            double score = rs.getDouble("score");
            String scored = rs.wasNull() ? "" : String.format(java.util.Locale.ROOT, " score %.1f", score);
            out.printf("  %s %s:%d %s — %s%s%s%n", rs.getBoolean("certain") ? "linked   " : "candidate", rs.getString("file_name"),
                    rs.getInt("line_no"), rs.getString("name"), rs.getString("method"), scored,
                    rs.getString("repairs") == null || rs.getString("repairs").isBlank() ? "" : " (repaired: " + rs.getString("repairs") + ")");
            out.println("      " + rs.getString("evidence"));
        }, runId, personId);
    }
}
