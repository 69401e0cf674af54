package org.voterroll.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.voterroll.exceptions.DecisionBook;
import org.voterroll.exceptions.Fingerprint;
import org.voterroll.exceptions.Verdict;
import org.voterroll.identity.match.MatchScore;
import org.voterroll.identity.match.MatchWeights;
import org.voterroll.identity.match.PairScorer;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.Statistics;

/**
 * Identity resolution of one run, in phases over sorted SQL streams: (A) records grouped by usable
 * number; (B) numbers one digit or swap away; (C) chaiqian rows by household; (D) blocked, scored
 * fuzzy candidates; then persons get their stable ids and links are stored.
 */
public class ResolveTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(ResolveTasklet.class);
    private static final List<String> PERSON_COLUMNS = List.of("run_id", "person_key", "id_number", "name", "sex", "birth_date",
            "area_code", "household_key", "relation", "primary_rec_id", "from_huji");
    private static final List<String> LINK_COLUMNS = List.of("run_id", "rec_id", "person_key", "method", "certain", "score", "evidence");
    /** Candidates kept per record for review: more would only bury the right one. */
    private static final int MAX_CANDIDATES = 3;

    /** The source tables of this run: each source's effective snapshot. */
    static final String EFFECTIVE = "src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id AND s.run_id = ?\n";

    private final String runId;
    private final String countyCode;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final DataSource dataSource;
    private final PairScorer scorer = new PairScorer(MatchWeights.defaults());
    private final Thresholds thresholds = Thresholds.defaults();

    public ResolveTasklet(String runId, String countyCode, DataSource dataSource) {
        this.runId = runId;
        this.countyCode = countyCode;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        org.voterroll.store.SessionTuning.forBulkWork(jdbc);
        for (String t : List.of("person_stage", "link_stage", "pending", "repair_stage", "block_rec", "block_person",
                "person_pair", "person_run", "link")) {
            jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", runId);
        }
        jdbc.update("UPDATE snapshot SET loaded = TRUE WHERE run_id = ?", runId);
        Connection c = DataSourceUtils.getConnection(dataSource);
        DecisionBook decisions = DecisionBook.load(jdbc, countyCode);

        long t0 = System.nanoTime();
        Statistics.refresh(jdbc, "src_record");
        phaseNumbers(c);
        Statistics.refresh(jdbc, "person_stage", "link_stage", "pending");
        jdbc.update("INSERT INTO pending (run_id, rec_id, phase) SELECT ?, r.rec_id, 'B' FROM " + EFFECTIVE
                + " WHERE r.id_status NOT IN ('VALID', 'LEGACY15')", runId, runId);
        log.info("identity: numbers grouped in {} ms", ms(t0));
        phaseRepair(c);
        log.info("identity: repairs done at {} ms", ms(t0));
        phaseHousehold(c);
        log.info("identity: households done at {} ms", ms(t0));
        Statistics.refresh(jdbc, "link_stage", "pending", "repair_stage");
        phaseFuzzy(c, decisions);
        log.info("identity: fuzzy candidates done at {} ms", ms(t0));
        phaseMultiRecord(c, decisions);
        log.info("identity: multi-record pairs done at {} ms", ms(t0));
        finish();
        log.info("identity: {} persons, {} certain links, {} review candidates, {} records unlinked ({} ms)",
                count("SELECT COUNT(*) FROM person_run WHERE run_id = ?"),
                count("SELECT COUNT(*) FROM link WHERE run_id = ? AND certain = TRUE"),
                count("SELECT COUNT(*) FROM link WHERE run_id = ? AND certain = FALSE"),
                count("SELECT COUNT(*) FROM pending WHERE run_id = ?"), ms(t0));
        return RepeatStatus.FINISHED;
    }

    /** (A) one group per usable number. */
    private void phaseNumbers(Connection c) throws SQLException {
        NameFrequencies frequencies = new NameFrequencies();
        streaming.query("SELECT r.name, r.sex FROM " + EFFECTIVE + " WHERE r.source = 'huji'", rs -> {
            String sex = rs.getString(2);
            frequencies.add(rs.getString(1), sex == null ? null : sex.charAt(0));
        }, runId);
        NumberGroupResolver resolver = new NumberGroupResolver(frequencies);
        try (BufferedCopy persons = new BufferedCopy(c, "person_stage", PERSON_COLUMNS);
             BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS);
             BufferedCopy pending = new BufferedCopy(c, "pending", List.of("run_id", "rec_id", "phase"))) {
            List<IdentityRecord> group = new ArrayList<>();
            String[] current = {null};
            SqlConsumer<List<IdentityRecord>> flush = g -> {
                if (g.isEmpty()) return;
                NumberGroupResolver.Result res = resolver.resolve(current[0], g);
                for (PersonSeed p : res.persons()) writePerson(persons, p);
                for (Link l : res.links()) writeLink(links, l);
                for (IdentityRecord r : res.pending()) pending.add(runId, r.recId(), "A");
                g.clear();
            };
            streaming.query("SELECT " + IdentityRecord.COLUMNS + " FROM " + EFFECTIVE + """
                     WHERE r.id_status IN ('VALID', 'LEGACY15')
                     ORDER BY r.id_number, CASE WHEN r.source = 'huji' THEN 0 ELSE 1 END,
                              CASE WHEN r.id_status = 'VALID' THEN 0 ELSE 1 END, r.rec_id""",
                    rs -> {
                        IdentityRecord r = IdentityRecord.read(rs);
                        if (!r.idNumber().equals(current[0])) {
                            flush.accept(group);
                            current[0] = r.idNumber();
                        }
                        group.add(r);
                    }, runId);
            flush.accept(group);
        }
    }

    /** (B) numbers that fail their check digit or contradict their record, one digit or swap from a person. */
    private void phaseRepair(Connection c) throws SQLException {
        try (BufferedCopy cand = new BufferedCopy(c, "repair_stage", List.of("run_id", "rec_id", "candidate"))) {
            streaming.query("""
                    SELECT p.rec_id, r.id_number FROM pending p JOIN src_record r ON r.rec_id = p.rec_id
                    WHERE p.run_id = ? AND r.id_number IS NOT NULL""", rs -> {
                String n = rs.getString(2);
                if (n.length() != 18) return;
                for (String k : IdNumbers.repairCandidates(n)) cand.add(runId, rs.getLong(1), k);
            }, runId);
        }
        try (BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS)) {
            Map<Long, IdentityRecord> recs = new HashMap<>();
            Map<Long, List<PersonSeed>> hits = new LinkedHashMap<>();
            streaming.query("SELECT " + IdentityRecord.COLUMNS + ", " + PERSON_SELECT + """
                     FROM repair_stage k
                     JOIN src_record r ON r.rec_id = k.rec_id
                     JOIN person_stage ps ON ps.run_id = k.run_id AND ps.id_number = k.candidate
                     WHERE k.run_id = ? ORDER BY k.rec_id""", rs -> {
                IdentityRecord r = IdentityRecord.read(rs);
                if (!recs.containsKey(r.recId()) && !recs.isEmpty()) {
                    decideRepairs(recs, hits, links);
                }
                recs.put(r.recId(), r);
                hits.computeIfAbsent(r.recId(), k -> new ArrayList<>()).add(readPerson(rs));
            }, runId);
            decideRepairs(recs, hits, links);
        }
        jdbc.update("""
                DELETE FROM pending WHERE run_id = ? AND rec_id IN
                  (SELECT rec_id FROM link_stage WHERE run_id = ? AND certain = TRUE)""", runId, runId);
    }

    private void decideRepairs(Map<Long, IdentityRecord> recs, Map<Long, List<PersonSeed>> hits, BufferedCopy links) throws SQLException {
        for (var e : hits.entrySet()) {
            List<PersonSeed> distinct = e.getValue().stream()
                    .collect(java.util.stream.Collectors.toMap(PersonSeed::personKey, p -> p, (a, b) -> a, LinkedHashMap::new))
                    .values().stream().toList();
            var link = RepairRule.apply(recs.get(e.getKey()), distinct);
            if (link.isPresent()) writeLink(links, link.get());
        }
        recs.clear();
        hits.clear();
    }

    /** (C) a chaiqian row without number, singled out by its case's linked members' household, relation and name. */
    private void phaseHousehold(Connection c) throws SQLException {
        Map<Long, Map<String, String>> found = new LinkedHashMap<>();
        Map<Long, String> relation = new HashMap<>();
        streaming.query("""
                SELECT DISTINCT u.rec_id, r.relation, pc.person_key, pc.relation AS person_relation
                FROM pending u
                JOIN src_record r ON r.rec_id = u.rec_id AND r.source = 'chaiqian'
                JOIN src_record m ON m.snapshot_id = r.snapshot_id AND m.household_key = r.household_key AND m.rec_id <> r.rec_id
                JOIN link_stage l ON l.run_id = u.run_id AND l.rec_id = m.rec_id AND l.certain = TRUE
                JOIN person_stage pm ON pm.run_id = u.run_id AND pm.person_key = l.person_key
                JOIN person_stage pc ON pc.run_id = u.run_id AND pc.household_key = pm.household_key AND pc.name = r.name
                WHERE u.run_id = ?
                  -- a person already holding another row of the case is not this row (two sons may share a name)
                  AND NOT EXISTS (SELECT 1 FROM src_record o
                                  JOIN link_stage ol ON ol.run_id = u.run_id AND ol.rec_id = o.rec_id AND ol.certain = TRUE
                                  WHERE o.snapshot_id = r.snapshot_id AND o.household_key = r.household_key
                                    AND o.rec_id <> r.rec_id AND ol.person_key = pc.person_key)""", rs -> {
            found.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getString(4));
            relation.put(rs.getLong(1), rs.getString(2));
        }, runId);
        try (BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS)) {
            for (var e : found.entrySet()) {
                if (e.getValue().size() != 1) continue;
                var only = e.getValue().entrySet().iterator().next();
                String rel = relation.get(e.getKey());
                if (rel == null || !rel.equals(only.getValue())) continue;
                writeLink(links, new Link(e.getKey(), only.getKey(), Link.Method.HOUSEHOLD, true, null,
                        "拆迁户内成员：同一被征收户、与户主关系(" + rel + ")一致、姓名相同"));
            }
        }
        jdbc.update("""
                DELETE FROM pending WHERE run_id = ? AND rec_id IN
                  (SELECT rec_id FROM link_stage WHERE run_id = ? AND certain = TRUE)""", runId, runId);
    }

    /** (D) blocking by sex × birth month × surname reading, then weighted scoring of each pair in a block. */
    private void phaseFuzzy(Connection c, DecisionBook decisions) throws SQLException {
        // the blocks of the records still unlinked: only persons in one of them are worth writing down
        Set<String> wanted = new HashSet<>();
        try (BufferedCopy blocks = new BufferedCopy(c, "block_rec", List.of("run_id", "block", "rec_id"))) {
            streaming.query("SELECT " + IdentityRecord.COLUMNS + " FROM pending p JOIN src_record r ON r.rec_id = p.rec_id WHERE p.run_id = ?",
                    rs -> {
                        IdentityRecord r = IdentityRecord.read(rs);
                        for (String b : Blocking.keys(r.name(), r.effectiveSex(), r.effectiveBirthMonth())) {
                            blocks.add(runId, b, r.recId());
                            wanted.add(b);
                        }
                    }, runId);
        }
        try (BufferedCopy blocks = new BufferedCopy(c, "block_person", List.of("run_id", "block", "person_key"))) {
            streaming.query("SELECT person_key, name, sex, birth_date FROM person_stage WHERE run_id = ?", rs -> {
                String sex = rs.getString(3);
                java.sql.Date b = rs.getDate(4);
                for (String k : Blocking.keys(rs.getString(2), sex == null ? null : sex.charAt(0),
                        b == null ? null : YearMonth.from(b.toLocalDate()))) {
                    if (wanted.contains(k)) blocks.add(runId, k, rs.getString(1));
                }
            }, runId);
        }
        // a record whose number is one digit or swap from a person is a candidate even when its birth field disagrees
        jdbc.update("""
                INSERT INTO block_rec (run_id, block, rec_id)
                SELECT DISTINCT k.run_id, CONCAT('#', k.candidate), k.rec_id FROM repair_stage k
                JOIN pending p ON p.run_id = k.run_id AND p.rec_id = k.rec_id WHERE k.run_id = ?""", runId);
        jdbc.update("""
                INSERT INTO block_person (run_id, block, person_key)
                SELECT DISTINCT ps.run_id, CONCAT('#', ps.id_number), ps.person_key FROM person_stage ps
                WHERE ps.run_id = ? AND ps.id_number IN (SELECT candidate FROM repair_stage WHERE run_id = ?)""", runId, runId);
        Statistics.refresh(jdbc, "block_rec", "block_person");

        try (BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS)) {
            List<Scored> forRecord = new ArrayList<>();
            IdentityRecord[] current = {null};
            SqlConsumer<List<Scored>> flush = list -> {
                if (list.isEmpty()) return;
                // ties broken by person key: a rerun must keep the same candidates
                list.sort(Comparator.comparingDouble((Scored s) -> s.score.total()).reversed().thenComparing(Scored::personKey));
                int kept = 0;
                for (Scored s : list) {
                    if (s.score.total() < thresholds.lower() || kept == MAX_CANDIDATES) break;
                    kept++;
                    String fp = Fingerprint.of("LINK", current[0].rowHash(), s.personKey);
                    var d = decisions.find(fp);
                    if (d.isPresent() && d.get().verdict() == Verdict.DIFFERENT) continue;
                    boolean decided = d.isPresent() && (d.get().verdict() == Verdict.SAME_PERSON || d.get().verdict() == Verdict.CONFIRM_DEATH);
                    writeLink(links, new Link(current[0].recId(), s.personKey, decided ? Link.Method.DECIDED : Link.Method.FUZZY,
                            decided, s.score.total(), s.score.explain()));
                }
                list.clear();
            };
            // pairs met in several blocks are de-duplicated on their two keys before the wide rows are joined
            streaming.query("SELECT " + IdentityRecord.COLUMNS + ", " + PERSON_SELECT + """
                     FROM (SELECT DISTINCT br.rec_id, bp.person_key FROM block_rec br
                           JOIN block_person bp ON bp.run_id = br.run_id AND bp.block = br.block
                           WHERE br.run_id = ?) cand
                     JOIN src_record r ON r.rec_id = cand.rec_id
                     JOIN person_stage ps ON ps.run_id = ? AND ps.person_key = cand.person_key
                     ORDER BY r.rec_id, ps.person_key""", rs -> {
                IdentityRecord r = IdentityRecord.read(rs);
                if (current[0] == null || current[0].recId() != r.recId()) {
                    flush.accept(forRecord);
                    current[0] = r;
                }
                PersonSeed p = readPerson(rs);
                forRecord.add(new Scored(p.personKey(), scorer.score(r.toParty(), p.toParty())));
            }, runId, runId);
            flush.accept(forRecord);
        }
        jdbc.update("""
                DELETE FROM pending WHERE run_id = ? AND rec_id IN
                  (SELECT rec_id FROM link_stage WHERE run_id = ? AND certain = TRUE)""", runId, runId);
    }

    private record Scored(String personKey, MatchScore score) {}

    /**
     * 一人多户 not provable from numbers: two police persons in different households, same sex and birth,
     * agreeing names, numbers at most two digits apart. Merged only by a township's decision.
     */
    private void phaseMultiRecord(Connection c, DecisionBook decisions) throws SQLException {
        List<String[]> merges = new ArrayList<>();
        try (BufferedCopy pairs = new BufferedCopy(c, "person_pair", List.of("run_id", "key_a", "key_b", "score", "evidence"))) {
            // blocked by birth date and sex in SQL (a few dozen police persons each); the pairs of a block compared here
            List<PersonSeed> block = new ArrayList<>();
            SqlConsumer<List<PersonSeed>> compare = b -> {
                for (int i = 0; i < b.size(); i++) {
                    for (int j = i + 1; j < b.size(); j++) {
                        PersonSeed a = b.get(i), o = b.get(j);
                        int apart = digitsApart(a.idNumber(), o.idNumber());
                        if (apart < 1 || apart > 2) continue;
                        if (a.householdKey() != null && a.householdKey().equals(o.householdKey())) continue;
                        if (!NameRules.agree(a.name(), o.name())) continue;
                        MatchScore s = scorer.score(a.toParty(), o.toParty());
                        pairs.add(runId, a.personKey(), o.personKey(), s.total(), s.explain());
                        var d = decisions.find(Fingerprint.of("PERSON_MULTI_RECORD", a.personKey(), o.personKey()));
                        if (d.isPresent() && d.get().verdict() == Verdict.SAME_PERSON) merges.add(new String[] {a.personKey(), o.personKey()});
                    }
                }
                b.clear();
            };
            streaming.query("SELECT " + PERSON_SELECT + """
                     FROM person_stage ps
                     WHERE ps.run_id = ? AND ps.from_huji = TRUE AND ps.birth_date IS NOT NULL AND ps.sex IS NOT NULL
                       AND ps.id_number IS NOT NULL
                     ORDER BY ps.birth_date, ps.sex, ps.person_key""", rs -> {
                PersonSeed p = readPerson(rs);
                if (!block.isEmpty() && (!block.get(0).birthDate().equals(p.birthDate()) || !block.get(0).sex().equals(p.sex()))) {
                    compare.accept(block);
                }
                block.add(p);
            }, runId);
            compare.accept(block);
        }
        for (String[] m : merges) {
            jdbc.update("UPDATE link_stage SET person_key = ?, method = 'DECIDED' WHERE run_id = ? AND person_key = ?", m[0], runId, m[1]);
            jdbc.update("DELETE FROM person_stage WHERE run_id = ? AND person_key = ?", runId, m[1]);
        }
    }

    /** Stable person ids, this run's view of each person, and the links by person id. */
    private void finish() {
        Statistics.refresh(jdbc, "link_stage", "person_stage");
        jdbc.update("""
                INSERT INTO person (county_code, person_key, id_number, first_run_id)
                SELECT ?, s.person_key, s.id_number, s.run_id FROM person_stage s
                WHERE s.run_id = ? AND NOT EXISTS (SELECT 1 FROM person p WHERE p.county_code = ? AND p.person_key = s.person_key)
                ORDER BY s.person_key""",
                countyCode, runId, countyCode);
        Statistics.refresh(jdbc, "person");
        jdbc.update("""
                INSERT INTO person_run (run_id, person_id, id_number, name, sex, birth_date, area_code, household_key, relation, primary_rec_id)
                SELECT s.run_id, p.person_id, s.id_number, s.name, s.sex, s.birth_date, s.area_code, s.household_key, s.relation, s.primary_rec_id
                FROM person_stage s JOIN person p ON p.county_code = ? AND p.person_key = s.person_key
                WHERE s.run_id = ?""", countyCode, runId);
        jdbc.update("""
                INSERT INTO link (run_id, rec_id, person_id, method, certain, score, evidence)
                SELECT l.run_id, l.rec_id, p.person_id, MIN(l.method), MAX(CASE WHEN l.certain THEN 1 ELSE 0 END) = 1, MAX(l.score), MIN(l.evidence)
                FROM link_stage l JOIN person p ON p.county_code = ? AND p.person_key = l.person_key
                WHERE l.run_id = ? GROUP BY l.run_id, l.rec_id, p.person_id""", countyCode, runId);
        Statistics.refresh(jdbc, "person_run", "link");
    }

    static final String PERSON_SELECT = """
            ps.person_key AS p_person_key, ps.id_number AS p_id_number, ps.name AS p_name, ps.sex AS p_sex,
            ps.birth_date AS p_birth_date, ps.area_code AS p_area_code, ps.household_key AS p_household_key,
            ps.relation AS p_relation, ps.primary_rec_id AS p_primary_rec_id, ps.from_huji AS p_from_huji
            """;

    private static PersonSeed readPerson(ResultSet rs) throws SQLException {
        String sex = rs.getString("p_sex");
        java.sql.Date b = rs.getDate("p_birth_date");
        return new PersonSeed(rs.getString("p_person_key"), rs.getString("p_id_number"), rs.getString("p_name"),
                sex == null ? null : sex.charAt(0), b == null ? null : b.toLocalDate(), rs.getString("p_area_code"),
                rs.getString("p_household_key"), rs.getString("p_relation"), rs.getLong("p_primary_rec_id"),
                rs.getBoolean("p_from_huji"));
    }

    private void writePerson(BufferedCopy out, PersonSeed p) throws SQLException {
        LocalDate b = p.birthDate();
        out.add(runId, p.personKey(), p.idNumber(), p.name(), p.sex() == null ? null : p.sex().toString(), b, p.areaCode(),
                p.householdKey(), p.relation(), p.primaryRecId(), p.fromHuji());
    }

    private void writeLink(BufferedCopy out, Link l) throws SQLException {
        out.add(runId, l.recId(), l.personKey(), l.method().name(), l.certain(), l.score(), l.evidence());
    }

    /** Positions in which the first 17 digits of two numbers differ (the check digit follows from them). */
    static int digitsApart(String a, String b) {
        if (a == null || b == null || a.length() != 18 || b.length() != 18) return Integer.MAX_VALUE;
        int n = 0;
        for (int i = 0; i < 17; i++) if (a.charAt(i) != b.charAt(i)) n++;
        return n;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, runId);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @FunctionalInterface
    interface SqlConsumer<T> {
        void accept(T t) throws SQLException;
    }

}
