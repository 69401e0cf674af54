package org.voterroll.rules;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.voterroll.codes.Source;
import org.voterroll.county.MatchingFile;
import org.voterroll.decisions.CrossCountyStandings;
import org.voterroll.decisions.DecisionBook;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.identity.MultiRecordTie;
import org.voterroll.identity.ResolveTasklet;
import org.voterroll.run.Run;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.SessionTuning;

/**
 * Applies the rules to every resolved person (one pass over persons and their linked records, sorted by
 * person) and raises the identity exceptions: shared numbers, possible double registrations, invalid numbers.
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

        // the persons of identity resolution's 一人多户 pairs, and whether each is listed: a pair neither of whom is listed
        // (both dead, both under 18 …) is one person or two without a line of any roll changing
        Map<Long, Boolean> pairListed = new HashMap<>();
        jdbc.query("""
                SELECT p.person_id FROM person_pair pp JOIN person p ON p.county_code = ? AND p.person_key IN (pp.key_a, pp.key_b)
                WHERE pp.run_id = ?""", (RowCallbackHandler) rs -> { pairListed.put(rs.getLong(1), false); }, run.countyCode(), id);
        Connection c = DataSourceUtils.getConnection(dataSource);
        int[] itemNo = {0};
        int[] inmigrantNo = {0};
        try (BufferedCopy reg = new BufferedCopy(c, "registration", List.of("run_id", "person_id", "id_number", "name", "sex", "birth_date",
                "listed", "district_code", "basis", "reason", "township_code", "hukou_address", "residence_address", "in_migrant",
                "rights_at_previous", "away_to", "away_source", "sort_key"));
             BufferedCopy exc = new BufferedCopy(c, "exception_item", EXCEPTION_COLUMNS);
             BufferedCopy inm = new BufferedCopy(c, "book_line", List.of("run_id", "book", "line_no", "person_id", "name", "sex",
                     "birth_date", "id_number", "area_code", "other_area", "start_date", "months", "has_proof"))) {
            List<Fact> facts = new ArrayList<>();
            DoubtfulRecords doubts = new DoubtfulRecords();
            Object[][] head = {null};
            ThrowingRunnable flush = () -> {
                if (head[0] == null) return;
                Object[] h = head[0];
                PersonFacts p = new PersonFacts((Long) h[0], (String) h[1], (String) h[2], (String) h[3], (Character) h[4], (LocalDate) h[5], List.copyOf(facts),
                        (String) h[6]);
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
                facts.clear();
            };
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
                    ORDER BY pr.person_id, r.rec_id""", rs -> {
                long personId = rs.getLong("person_id");
                if (head[0] == null || (Long) head[0][0] != personId) {
                    flush.run();
                    String s = rs.getString("p_sex");
                    head[0] = new Object[] {personId, rs.getString("person_key"), rs.getString("p_number"), rs.getString("p_name"),
                            s == null ? null : s.charAt(0), date(rs, "p_birth"), rs.getString("p_previous")};
                }
                long recId = rs.getLong("rec_id");
                String prefix = rs.getString("source");
                Source source = Source.ofPrefix(prefix).orElseThrow(() -> new IllegalStateException("src_record " + recId + ": no source " + prefix));
                facts.add(new Fact(recId, source, rs.getString("file_name"), rs.getInt("line_no"),
                        rs.getString("row_hash"), rs.getString("id_number"), rs.getString("id_status"), rs.getString("name"),
                        date(rs, "birth_date"), rs.getString("area_code"), rs.getString("address"),
                        Fact.stored(source.statusList(), rs.getString("status"), recId),
                        date(rs, "status_date"), rs.getString("other_area"), rs.getString("other_address"), date(rs, "start_date"),
                        date(rs, "end_date"), Fact.stored(source.kindList(), rs.getString("kind"), recId), rs.getString("reason"),
                        rs.getString("org_code"),
                        rs.getBoolean("certain"), rs.getString("method"), rs.getObject("score") == null ? null : rs.getDouble("score"),
                        rs.getBoolean("best")));
            }, id, id, id));
            flush.run();
            Set<Long> reviewed = doubts.write(exc, itemNo, id);
            identityExceptions(exc, itemNo, rules, book, pairListed, reviewed);
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

    /** ID_SHARED, PERSON_MULTI_RECORD and ID_INVALID come from identity resolution, not from one person's facts. */
    private void identityExceptions(BufferedCopy exc, int[] itemNo, CountyRules rules, DecisionBook book,
                                    Map<Long, Boolean> pairListed, Set<Long> reviewed) throws SQLException {
        String id = run.runId();
        // two persons under one number that may be one (names a character apart, two households) are a
        // PERSON_MULTI_RECORD pair below, not people "clearly different" (RULES.md ID_SHARED) — until a township
        // decides they are two people
        Set<List<String>> maybeOne = new HashSet<>();
        jdbc.query("SELECT key_a, key_b FROM person_pair WHERE run_id = ?", (RowCallbackHandler) rs -> {
            var d = book.find(Fingerprint.of("PERSON_MULTI_RECORD", rs.getString(1), rs.getString(2)));
            if (d.isPresent() && d.get().verdict() == Verdict.DIFFERENT) return;
            maybeOne.add(List.of(rs.getString(1), rs.getString(2)));
            maybeOne.add(List.of(rs.getString(2), rs.getString(1)));
        }, id);
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("""
                SELECT pr.id_number, pr.name, pr.area_code, pr.person_key, pr.person_id FROM person_run pr
                WHERE pr.run_id = ? AND pr.id_number IN
                  (SELECT id_number FROM person_run WHERE run_id = ? GROUP BY id_number HAVING COUNT(*) > 1)
                ORDER BY pr.id_number, pr.person_key""", rs -> {
            rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)});
        }, id, id);
        for (int i = 0; i < rows.size(); ) {
            int j = i;
            List<String> names = new ArrayList<>(), keys = new ArrayList<>();
            while (j < rows.size() && rows.get(j)[0].equals(rows.get(i)[0])) {
                names.add((String) rows.get(j)[1]);
                keys.add((String) rows.get(j)[3]);
                j++;
            }
            String fp = Fingerprint.of("ID_SHARED", keys.toArray(String[]::new));
            if (!maybeOne.contains(keys) && book.find(fp).isEmpty()) {
                String number = (String) rows.get(i)[0];
                exc.add(id, ++itemNo[0], "ID_SHARED", "blocking", rules.townshipOf((String) rows.get(i)[2]), null,
                        String.join(";", java.util.Collections.nCopies(names.size(), number)), String.join(";", names),
                        "同一号码由" + names.size() + "个明显不同的人使用（重号），均按各自情况列入，请公安核查 (one number, different people)",
                        "户籍", fp, rows.get(i)[4]);
            }
            i = j;
        }
        jdbc.query("""
                SELECT pp.key_a, pp.key_b, pp.score, pp.evidence, a.id_number, a.name, a.area_code, b.id_number, b.name, pa.person_id,
                       pb.person_id
                FROM person_pair pp
                JOIN person pa ON pa.county_code = ? AND pa.person_key = pp.key_a
                JOIN person pb ON pb.county_code = ? AND pb.person_key = pp.key_b
                JOIN person_run a ON a.run_id = pp.run_id AND a.person_id = pa.person_id
                JOIN person_run b ON b.run_id = pp.run_id AND b.person_id = pb.person_id
                WHERE pp.run_id = ? ORDER BY pp.key_a, pp.key_b""", rs -> {
            String fp = Fingerprint.of("PERSON_MULTI_RECORD", rs.getString(1), rs.getString(2));
            if (book.find(fp).isPresent()) return;
            if (!pairListed.getOrDefault(rs.getLong(10), false) && !pairListed.getOrDefault(rs.getLong(11), false)) return;
            try {
                exc.add(id, ++itemNo[0], "PERSON_MULTI_RECORD", "blocking", rules.townshipOf(rs.getString(7)), null,
                        rs.getString(5) + ";" + rs.getString(8), rs.getString(6) + ";" + rs.getString(9),
                        "两条户籍记录可能是同一人（一人多户）：出生、性别相同，号码不同而姓名相符，或号码相同、姓氏相同而名字仅差一字；未合并，两人各按本人记录处理，请核实 (possibly one person in two households)",
                        String.format("%.1f ", rs.getDouble(3)) + rs.getString(4), fp, rs.getLong(10));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, run.countyCode(), run.countyCode(), id);
        jdbc.query("""
                SELECT r.id_number, r.id_raw, r.name, r.area_code, r.source, r.file_name, r.line_no, r.row_hash, r.id_status, r.rec_id,
                       r.org_code, b.id_number, b.name, b.person_key, b.evidence, b.file_name, b.line_no, b.person_id,
                       r.household_key, b.household_key
                FROM pending p JOIN src_record r ON r.rec_id = p.rec_id
                -- a police record's likeliest person by an uncertain link, where that person holds a police record
                LEFT JOIN (SELECT l.rec_id, pr.id_number, pr.name, pr.person_key, l.evidence, pr.person_id, h.file_name, h.line_no,
                                  pr.household_key,
                                  ROW_NUMBER() OVER (PARTITION BY l.rec_id ORDER BY l.score DESC NULLS LAST, l.person_id) AS link_rank
                           FROM link l JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                           JOIN src_record h ON h.rec_id = pr.primary_rec_id AND h.source = '%3$s'
                           WHERE l.run_id = ? AND NOT l.certain) b ON b.rec_id = r.rec_id AND b.link_rank = 1 AND r.source = '%3$s'
                WHERE p.run_id = ?
                  AND (r.id_status <> 'EMPTY' AND r.id_raw IS NOT NULL OR r.id_status = 'EMPTY' AND r.source NOT IN ('%1$s', '%2$s')
                       -- a resettlement to a new place could move someone's district: never dropped without an item
                       OR r.id_status = 'EMPTY' AND r.source = '%2$s' AND r.other_area IS NOT NULL)
                  AND (r.source = '%3$s' OR NOT EXISTS (SELECT 1 FROM link l WHERE l.run_id = p.run_id AND l.rec_id = p.rec_id
                                                          AND (l.score IS NULL OR l.score >= ?)))
                ORDER BY r.rec_id""".formatted(Source.TONGJI.prefix(), Source.CHAIQIAN.prefix(), Source.HUJI.prefix()), rs -> {
            // a record already in a review item naming its candidates is not raised a second time as a bare ID_INVALID
            // (issue 18: one doubtful record, one item); that item says its number failed validation
            if (reviewed.contains(rs.getLong(10))) return;
            if (rs.getString(14) != null && MultiRecordTie.holds(rs.getString(1), rs.getString(19), rs.getString(12), rs.getString(20))) {
                multiRecord(exc, itemNo, book, rules, rs);
                return;
            }
            String fp = Fingerprint.of("ID_INVALID", rs.getString(8));
            if (book.find(fp).isPresent()) return;
            String shown = rs.getString(1) != null ? rs.getString(1) : rs.getString(2);
            try {
                // a record without an area code may still name its place: an insured person's unit district
                String township = rules.townshipOf(rs.getString(4));
                if (township == null) township = rules.townshipOfUnit(rs.getString(11));
                exc.add(id, ++itemNo[0], "ID_INVALID", "blocking", township, null, shown, rs.getString(3),
                        unlinkedNumber(rs.getString(9), rs.getString(5)),
                        rs.getString(5) + " " + rs.getString(6) + ":" + rs.getInt(7), fp, null);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, id, id, MatchingFile.of(run).thresholds().lower());
    }

    /**
     * A police record linked only uncertainly to a person who holds another police record, with a tie beyond name, sex and
     * birth ({@link MultiRecordTie}): one person in two households whose merge is not certain (RULES.md
     * PERSON_MULTI_RECORD), not a number nobody can place. The fingerprint is the link's, so a
     * township's "same person" makes it certain and "different people" leaves the record to ID_INVALID.
     */
    private void multiRecord(BufferedCopy exc, int[] itemNo, DecisionBook book, CountyRules rules, ResultSet rs) throws SQLException {
        String fp = Fingerprint.of("LINK", rs.getString(8), rs.getString(14));
        if (book.find(fp).isPresent()) return;
        String shown = rs.getString(1) != null ? rs.getString(1) : rs.getString(2);
        exc.add(run.runId(), ++itemNo[0], "PERSON_MULTI_RECORD", "blocking", rules.townshipOf(rs.getString(4)), null,
                rs.getString(12) + ";" + shown, rs.getString(13) + ";" + rs.getString(3),
                "两条户籍记录可能是同一人（一人多户）：后一条号码" + (rs.getString(9).equals("VALID") ? "与姓名等不符" : "校验不通过")
                        + "，按姓名、出生、号码等比对与前一人相近但不能确定；未合并，前一人按本人记录处理，请核实是否同一人"
                        + " (possibly one person in two police records; not merged)",
                rs.getString(16) + ":" + rs.getInt(17) + "; " + rs.getString(5) + " " + rs.getString(6) + ":" + rs.getInt(7)
                        + "; " + rs.getString(15), fp, rs.getLong(18));
    }

    /** What ID_INVALID says of a record linked to nobody for certain, by what its number is. */
    static String unlinkedNumber(String idStatus, String source) {
        return switch (idStatus) {
            case "EMPTY" -> "没有号码，按姓名等也无法确定关联到任何人 (" + source + ")，请核对 (no number, and linked to nobody by the other fields)";
            case "VALID", "LEGACY15" -> "号码有效，但与本记录的姓名、性别或出生不符（疑抄错他人号码），无法确定关联到任何人 (" + source
                    + ")，请核对 (the number is valid but another person's: it disagrees with the record's name, sex or birth; linked to nobody for certain)";
            default -> "号码校验不通过且无法确定关联到任何人 (" + source + ")，请核对号码 (invalid number, linked to nobody for certain)";
        };
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        java.sql.Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws SQLException;
    }

}
