package org.voterroll.rules;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.voterroll.codes.Source;
import org.voterroll.county.MatchingFile;
import org.voterroll.decisions.CrossCountyStandings;
import org.voterroll.decisions.DecisionBook;
import org.voterroll.identity.IdentityExceptions;
import org.voterroll.identity.ResolveTasklet;
import org.voterroll.run.Run;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.GroupingReader;
import org.voterroll.store.SessionTuning;

/**
 * Applies the rules to every resolved person (one pass over persons and their linked records, sorted by
 * person), then has identity resolution raise its exceptions (IdentityExceptions: shared numbers, possible double
 * registrations, invalid numbers) where the rolls would differ.
 */
public class DecideTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(DecideTasklet.class);

    private final Run run;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public DecideTasklet(Run run, DataSource dataSource) {
        this.run = run;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        SessionTuning.forBulkWork(jdbc);
        String id = run.runId();
        jdbc.update("DELETE FROM registration WHERE run_id = ?", id);
        jdbc.update("DELETE FROM exception_item WHERE run_id = ?", id);
        jdbc.update("DELETE FROM book_line WHERE run_id = ? AND book = 'INMIGRANT'", id);
        org.voterroll.run.StepProgress progress = org.voterroll.run.StepProgress.of(chunkContext)
                .phase("decide", "persons", jdbc.queryForObject("SELECT COUNT(*) FROM person_run WHERE run_id = ?", Long.class, id));
        Map<String, String> area = new HashMap<>(), unit = new HashMap<>(), township = new HashMap<>();
        jdbc.query("SELECT area_code, district_code FROM district_area WHERE run_id = ?", rs -> { area.put(rs.getString(1), rs.getString(2)); }, id);
        jdbc.query("SELECT credit_code, district_code FROM district_unit WHERE run_id = ?", rs -> { unit.put(rs.getString(1), rs.getString(2)); }, id);
        jdbc.query("SELECT district_code, township_code FROM district WHERE run_id = ?", rs -> { township.put(rs.getString(1), rs.getString(2)); }, id);
        CountyRules rules = new CountyRules(run.countyCode(), run.electionDay(), run.previousElectionDay(), run.inMigrantMonths(),
                area, unit, township);
        DecisionBook book = DecisionBook.load(jdbc, run.countyCode());
        Set<String> struck = CrossCountyStandings.struck(jdbc, run.countyCode());
        if (!struck.isEmpty()) log.info("rules: {} person(s) struck by the county's decisions on province duplicates", struck.size());
        Registrar registrar = new Registrar(rules, MatchingFile.of(run).thresholds().lower(),
                fp -> book.find(fp).map(d -> new Registrar.Decided(d.verdict(), d.districtCode())), struck);

        IdentityExceptions identity = new IdentityExceptions(id, run.countyCode(), jdbc, book, rules::townshipOf, rules::townshipOfUnit,
                MatchingFile.of(run).thresholds().lower());
        // whether each person of identity resolution's 一人多户 pairs is listed, marked as the rules decide them
        Map<Long, Boolean> pairListed = identity.pairPersons();
        Connection c = DataSourceUtils.getConnection(dataSource);
        int[] itemNo = {0};
        int[] inmigrantNo = {0};
        try (BufferedCopy reg = new BufferedCopy(c, "registration", List.of("run_id", "person_id", "id_number", "name", "sex", "birth_date",
                "listed", "district_code", "basis", "reason", "township_code", "hukou_address", "residence_address", "in_migrant",
                "rights_at_previous", "away_to", "away_source", "sort_key"));
             BufferedCopy exc = new BufferedCopy(c, "exception_item", EXCEPTION_COLUMNS);
             BufferedCopy inm = new BufferedCopy(c, "book_line", List.of("run_id", "book", "line_no", "person_id", "name", "sex",
                     "birth_date", "id_number", "area_code", "other_area", "start_date", "months", "has_proof"))) {
            DoubtfulRecords doubts = new DoubtfulRecords();
            // a person's head (its facts still empty) from their first row, then their facts
            GroupingReader<Long, PersonFacts, Fact> persons = GroupingReader.of(rs -> rs.getLong("person_id"), rs -> {
                String s = rs.getString("p_sex");
                return new PersonFacts(rs.getLong("person_id"), rs.getString("person_key"), rs.getString("p_number"), rs.getString("p_name"),
                        s == null ? null : s.charAt(0), date(rs, "p_birth"), List.of(), rs.getString("p_previous"));
            }, DecideTasklet::fact, (h, facts) -> {
                PersonFacts p = new PersonFacts(h.personId(), h.personKey(), h.idNumber(), h.name(), h.sex(), h.birthDate(),
                        List.copyOf(facts), h.previousDistrict());
                Outcome o = registrar.decide(p);
                progress.advance(1);
                pairListed.computeIfPresent(p.personId(), (k, v) -> o.listed());
                String sex = p.sex() == null ? null : p.sex().toString();
                if (o.considered()) {
                    reg.add(id, p.personId(), p.idNumber(), p.name(), sex, p.birthDate(), o.listed(), o.district(),
                            o.basis() == null ? null : o.basis().label(), o.reason() == null ? null : o.reason().name(), o.township(),
                            o.hukouAddress(), o.residenceAddress(), o.inMigrant(), o.rightsAtPrevious(),
                            o.away() == null ? null : o.away().destination(), o.away() == null ? null : o.away().source(), o.sortKey());
                }
                for (Raised r : o.exceptions()) {
                    if (r.recId() != null) {
                        doubts.add(r, p);
                        continue;
                    }
                    exc.add(id, ++itemNo[0], r.code(), r.level().label(), r.township(), r.district(), p.idNumber(), p.name(),
                            r.description(), r.evidence(), r.fingerprint(), p.personId());
                }
                Outcome.InMigrantEntry e = o.inMigrantEntry();
                if (e != null) {
                    inm.add(id, "INMIGRANT", ++inmigrantNo[0], p.personId(), p.name(), sex, p.birthDate(), p.idNumber(),
                            e.registerArea(), e.residenceArea(), e.registeredOn(), e.months(), e.hasProof());
                }
            });
            // every linked record of every person, sorted by person: a wide sort (SessionTuning.forWideSort)
            SessionTuning.forWideSort(jdbc, () -> streaming.query("""
                    SELECT pr.person_id, pr.person_key, pr.id_number AS p_number, pr.name AS p_name, pr.sex AS p_sex, pr.birth_date AS p_birth,
                           pv.district_code AS p_previous, l.certain, l.method, l.score,
                           CASE WHEN l.score IS NULL OR (l.score = l.top AND l.at_top = 1) THEN TRUE ELSE FALSE END AS best,
                           r.rec_id, r.source, r.file_name, r.line_no, r.row_hash, r.id_number, r.id_status, r.name, r.birth_date, r.area_code,
                           r.address, r.status, r.status_date, r.other_area, r.other_address, r.start_date, r.end_date, r.kind, r.reason, r.org_code
                    FROM person_run pr
                    JOIN (SELECT t.*, SUM(CASE WHEN t.score = t.top THEN 1 ELSE 0 END) OVER (PARTITION BY t.rec_id) AS at_top
                          FROM (SELECT k.*, MAX(k.score) OVER (PARTITION BY k.rec_id) AS top FROM link k WHERE k.run_id = ?) t
                         ) l ON l.person_id = pr.person_id
                    JOIN src_record r ON r.rec_id = l.rec_id
                    LEFT JOIN (SELECT id_number, MIN(district_code) AS district_code FROM previous_line WHERE run_id = ?
                               GROUP BY id_number) pv ON pv.id_number = pr.id_number
                    WHERE pr.run_id = ?
                    ORDER BY pr.person_id, r.rec_id""", persons, id, id, id));
            persons.finish();
            Set<Long> reviewed = doubts.write(exc, itemNo, id);
            identity.raise(exc, itemNo, pairListed, reviewed);
        }
        // the rules were the last to read identity resolution's working rows (a restart of this step finds them: the
        // deletion commits with the step's results or not at all)
        ResolveTasklet.clearWorkingTables(jdbc, id);
        log.info("rules: {} considered, {} listed, {} exceptions",
                jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ?", Long.class, id),
                jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND listed = TRUE", Long.class, id), itemNo[0]);
        return RepeatStatus.FINISHED;
    }

    static final List<String> EXCEPTION_COLUMNS = List.of("run_id", "item_no", "code", "level", "township_code", "district_code",
            "id_numbers", "names", "description", "evidence", "fingerprint", "person_id");

    /** One linked record of the person, as the rules read it. */
    private static Fact fact(ResultSet rs) throws SQLException {
        long recId = rs.getLong("rec_id");
        String prefix = rs.getString("source");
        Source source = Source.ofPrefix(prefix).orElseThrow(() -> new IllegalStateException("src_record " + recId + ": no source " + prefix));
        return new Fact(recId, source, rs.getString("file_name"), rs.getInt("line_no"),
                rs.getString("row_hash"), rs.getString("id_number"), rs.getString("id_status"), rs.getString("name"),
                date(rs, "birth_date"), rs.getString("area_code"), rs.getString("address"),
                Fact.stored(source.statusList(), rs.getString("status"), recId),
                date(rs, "status_date"), rs.getString("other_area"), rs.getString("other_address"), date(rs, "start_date"),
                date(rs, "end_date"), Fact.stored(source.kindList(), rs.getString("kind"), recId), rs.getString("reason"),
                rs.getString("org_code"),
                rs.getBoolean("certain"), rs.getString("method"), rs.getObject("score") == null ? null : rs.getDouble("score"),
                rs.getBoolean("best"));
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        java.sql.Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }
}
