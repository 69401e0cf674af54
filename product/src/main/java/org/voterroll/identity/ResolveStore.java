package org.voterroll.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.SessionTuning;

/**
 * What the phases of identity resolution share: the run, its database (one template for statements, one streaming
 * sorted reads), the working tables' columns and how persons and links are read and written there.
 */
final class ResolveStore {
    static final List<String> PERSON_COLUMNS = List.of("run_id", "person_id", "person_key", "id_number", "name", "sex",
            "birth_date", "area_code", "household_key", "relation", "primary_rec_id", "from_huji", "residence_area", "address",
            "residence_address", "former_name");
    static final List<String> NEW_PERSON_COLUMNS = List.of("county_code", "person_id", "person_key", "id_number", "first_run_id");
    /** link_stage: the later phases' links, by person key until the step's end. */
    static final List<String> LINK_COLUMNS = List.of("run_id", "rec_id", "person_key", "method", "certain", "score", "evidence");
    /** candidate_stage: every phase's uncertain candidates of a record, one set chosen from by CandidateRule. */
    static final List<String> CANDIDATE_COLUMNS = List.of("run_id", "rec_id", "person_key", "score", "evidence", "row_hash", "named");
    /** link: the number phase's links, by person id. */
    static final List<String> NUMBER_LINK_COLUMNS = List.of("run_id", "rec_id", "person_id", "method", "certain", "score", "evidence");

    /** The source tables of this run: each source's effective snapshot. */
    static final String EFFECTIVE = "src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id AND s.run_id = ?\n";

    static final String PERSON_SELECT = """
            ps.person_key AS p_person_key, ps.id_number AS p_id_number, ps.name AS p_name, ps.sex AS p_sex,
            ps.birth_date AS p_birth_date, ps.area_code AS p_area_code, ps.household_key AS p_household_key,
            ps.relation AS p_relation, ps.primary_rec_id AS p_primary_rec_id, ps.from_huji AS p_from_huji,
            ps.residence_area AS p_residence_area, ps.address AS p_address, ps.residence_address AS p_residence_address,
            ps.former_name AS p_former_name
            """;

    final String runId;
    final String countyCode;
    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final JdbcTemplate streaming;
    /** the collation clause that orders numbers and keys byte by byte (SessionTuning) */
    final String byteOrder;

    ResolveStore(String runId, String countyCode, DataSource dataSource) {
        this.runId = runId;
        this.countyCode = countyCode;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.byteOrder = SessionTuning.byteOrder(jdbc);
    }

    /** A person of {@link #PERSON_SELECT}. */
    static PersonSeed readPerson(ResultSet rs) throws SQLException {
        String sex = rs.getString("p_sex");
        LocalDate b = rs.getObject("p_birth_date", LocalDate.class);
        return new PersonSeed(rs.getString("p_person_key"), rs.getString("p_id_number"), rs.getString("p_name"),
                sex == null ? null : sex.charAt(0), b, rs.getString("p_area_code"),
                rs.getString("p_household_key"), rs.getString("p_relation"), rs.getLong("p_primary_rec_id"),
                rs.getBoolean("p_from_huji"), rs.getString("p_residence_area"), rs.getString("p_address"),
                rs.getString("p_residence_address"), rs.getString("p_former_name"));
    }

    /** A person_run row ({@link #PERSON_COLUMNS}). */
    void writePerson(BufferedCopy out, long personId, PersonSeed p) throws SQLException {
        LocalDate b = p.birthDate();
        out.add(runId, personId, p.personKey(), p.idNumber(), p.name(), p.sex() == null ? null : p.sex().toString(), b, p.areaCode(),
                p.householdKey(), p.relation(), p.primaryRecId(), p.fromHuji(), p.residenceArea(), p.address(),
                p.residenceAddress(), p.formerName());
    }

    /** A link_stage row ({@link #LINK_COLUMNS}). */
    void writeLink(BufferedCopy out, Link l) throws SQLException {
        out.add(runId, l.recId(), l.personKey(), l.method().name(), l.certain(), l.score(), l.evidence());
    }

    /** Records that a phase linked for certain are no longer pending (EXISTS: H2 ran IN (subquery) as a scan per row). */
    void dropLinkedFromPending() {
        SessionTuning.withoutNestedLoops(jdbc, () -> jdbc.update("""
                DELETE FROM pending WHERE run_id = ? AND EXISTS
                  (SELECT 1 FROM link_stage l WHERE l.run_id = pending.run_id AND l.rec_id = pending.rec_id AND l.certain = TRUE)""", runId));
    }

    /** A count by a query taking the run id once. */
    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, runId);
    }

    long personId(String personKey) {
        return jdbc.queryForObject("SELECT person_id FROM person WHERE county_code = ? AND person_key = ?", Long.class, countyCode, personKey);
    }

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** A helper thread's result, its failure rethrown on this thread. */
    static <T> T done(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
