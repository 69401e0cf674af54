package org.voterroll.identity;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.normalize.IdNumbers;

/**
 * A person of a run as the resolve and decide steps left them, and why each record was linked to them (or offered as a
 * candidate): source file and line, method, certainty, score and the field weights. The `explain` command prints it; a
 * township clerk's exception item shows the same.
 */
public final class Explanation {
    public record Person(long personId, String personKey, String idNumber, String name, String sex, String birthDate, String areaCode,
                         String householdKey, String relation, Boolean listed, String districtCode, String basis, String reason) {}

    public record LinkedRecord(long personId, long recId, String source, String fileName, int lineNo, String idNumber, String name,
                               String sex, String birthDate, String areaCode, String address, String status, String repairs,
                               String method, boolean certain, Double score, String evidence) {}

    private final JdbcTemplate jdbc;

    public Explanation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The run explained: the one asked for, else the newest run whose resolve step completed. A run that failed inside
     * resolve keeps the persons and number links its first phase committed until it is rerun; they are not a run's
     * identities yet.
     */
    public String runOrLatest(String runId) {
        if (runId != null) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM run WHERE run_id = ?", Integer.class, runId) == 0) {
                throw new IllegalArgumentException("no run " + runId);
            }
            return runId;
        }
        List<String> latest = jdbc.queryForList("""
                SELECT r.run_id FROM run r WHERE EXISTS (
                    SELECT 1 FROM batch_job_execution je
                    JOIN batch_job_execution attempt ON attempt.job_instance_id = je.job_instance_id
                    JOIN batch_step_execution s ON s.job_execution_id = attempt.job_execution_id
                    WHERE je.job_execution_id = r.job_execution_id AND s.step_name = 'resolve' AND s.status = 'COMPLETED')
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

    /** The person's view in the run and their outcome (listed or not), if the run has them. */
    public Optional<Person> person(String runId, long personId) {
        return jdbc.query("""
                SELECT pr.person_id, p.person_key, pr.id_number, pr.name, pr.sex, pr.birth_date, pr.area_code, pr.household_key,
                       pr.relation, g.listed, g.district_code, g.basis, g.reason
                FROM person_run pr JOIN person p ON p.person_id = pr.person_id
                LEFT JOIN registration g ON g.run_id = pr.run_id AND g.person_id = pr.person_id
                WHERE pr.run_id = ? AND pr.person_id = ?""", (rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), date(rs.getDate(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                (Boolean) rs.getObject(10), rs.getString(11), rs.getString(12), rs.getString(13)), runId, personId).stream().findFirst();
    }

    /** Every record linked to the person in the run, certain ones first. */
    public List<LinkedRecord> links(String runId, long personId) {
        return jdbc.query("""
                SELECT l.person_id, r.rec_id, r.source, r.file_name, r.line_no, r.id_number, r.name, r.sex, r.birth_date, r.area_code,
                       r.address, r.status, r.repairs, l.method, l.certain, l.score, l.evidence
                FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? AND l.person_id = ? ORDER BY l.certain DESC, r.source, r.rec_id""", (rs, i) -> new LinkedRecord(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                rs.getString(8), date(rs.getDate(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getBoolean(15), rs.getObject(16) == null ? null : rs.getDouble(16), rs.getString(17)), runId, personId);
    }

    public void print(String runId, long personId, PrintStream out) {
        Person h = person(runId, personId).orElseThrow(() -> new IllegalArgumentException("person " + personId + " is not in run " + runId));
        out.printf("person %d (key %s) in run %s: %s %s %s %s%n", personId, h.personKey(), runId, h.name(),
                h.sex() == null ? "?" : h.sex(), h.birthDate() == null ? "?" : h.birthDate(),
                h.idNumber() == null ? "(no number)" : h.idNumber());
        out.println(h.listed() == null ? "  outcome: no roll decision (no household register record here and no proof of registration; an in-migrant is in the in-migrant book)"
                : h.listed() ? "  outcome: listed in " + h.districtCode() + " (" + h.basis() + ")"
                : "  outcome: not listed (" + h.reason() + ")");
        for (LinkedRecord l : links(runId, personId)) {
            String scored = l.score() == null ? "" : String.format(java.util.Locale.ROOT, " score %.1f", l.score());
            out.printf("  %s %s:%d %s — %s%s%s%n", l.certain() ? "linked   " : "MATCHED".equals(l.method()) ? "matched  " : "candidate", l.fileName(), l.lineNo(), l.name(), l.method(),
                    scored, l.repairs() == null || l.repairs().isBlank() ? "" : " (repaired: " + l.repairs() + ")");
            out.println("      " + l.evidence());
        }
    }

    private static String date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate().toString();
    }
}
