package org.voterroll.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.voterroll.decisions.DecisionBook;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.identity.match.Addresses;
import org.voterroll.identity.match.MatchScore;
import org.voterroll.identity.match.Matching;
import org.voterroll.identity.match.NameFrequency;
import org.voterroll.identity.match.PairScorer;
import org.voterroll.identity.match.PartyView;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.store.BackgroundCopy;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.SessionTuning;
import org.voterroll.store.Statistics;

/**
 * Identity resolution of one run, in phases over sorted SQL streams: (A) records grouped by usable
 * number; (B) numbers one digit or swap away; (C) chaiqian rows by household; (D) blocked, scored
 * fuzzy candidates. Persons are written once, with their stable ids, by (A) (PersonIds); the later phases' links are
 * stored by person id at the end.
 */
public class ResolveTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(ResolveTasklet.class);
    private static final List<String> PERSON_COLUMNS = List.of("run_id", "person_id", "person_key", "id_number", "name", "sex",
            "birth_date", "area_code", "household_key", "relation", "primary_rec_id", "from_huji", "residence_area", "address",
            "residence_address", "former_name");
    private static final List<String> NEW_PERSON_COLUMNS = List.of("county_code", "person_id", "person_key", "id_number", "first_run_id");
    /** link_stage: the later phases' links, by person key until the step's end. */
    private static final List<String> LINK_COLUMNS = List.of("run_id", "rec_id", "person_key", "method", "certain", "score", "evidence");
    /** candidate_stage: every phase's uncertain candidates of a record, one set chosen from by CandidateRule. */
    private static final List<String> CANDIDATE_COLUMNS = List.of("run_id", "rec_id", "person_key", "score", "evidence", "row_hash", "named");
    /** link: the number phase's links, by person id. */
    private static final List<String> NUMBER_LINK_COLUMNS = List.of("run_id", "rec_id", "person_id", "method", "certain", "score", "evidence");

    /** The source tables of this run: each source's effective snapshot. */
    static final String EFFECTIVE = "src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id AND s.run_id = ?\n";

    private final String runId;
    private final String countyCode;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final DataSource dataSource;
    private final String byteOrder;
    private final PairScorer scorer;
    private final Thresholds thresholds;

    public ResolveTasklet(String runId, String countyCode, Matching matching, DataSource dataSource) {
        this.runId = runId;
        this.countyCode = countyCode;
        this.scorer = new PairScorer(matching.weights());
        this.thresholds = matching.thresholds();
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.byteOrder = SessionTuning.byteOrder(jdbc);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        SessionTuning.forBulkWork(jdbc);
        // person_pair is cleared on the connection that fills it (startMultiRecordPairs): a deletion of its rows left
        // uncommitted here would make that connection wait for this step's end
        for (String t : WORKING_TABLES) if (!t.equals("person_pair")) jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", runId);
        jdbc.update("UPDATE snapshot SET loaded = TRUE WHERE run_id = ?", runId);
        Connection c = DataSourceUtils.getConnection(dataSource);
        DecisionBook decisions = DecisionBook.load(jdbc, countyCode);

        long t0 = System.nanoTime();
        org.voterroll.run.StepProgress progress = org.voterroll.run.StepProgress.of(chunkContext).phase("records grouped by number", "", 0);
        Statistics.refresh(jdbc, "src_record");
        phaseNumbers(c);
        progress.phase("records without a usable number linked (repair, household, fuzzy)", "", 0);
        Statistics.refresh(jdbc, "person", "person_run", "link", "pending");
        Future<List<String[]>> multiRecord = startMultiRecordPairs(decisions);
        try {
            linkRecords(c, decisions, t0);
        } catch (RuntimeException | SQLException e) {
            multiRecord.cancel(true);
            throw e;
        }
        progress.phase("persons in two households", "", 0);
        mergeDecidedPairs(done(multiRecord, "finding persons in two households"));
        log.info("identity: multi-record pairs done at {} ms", ms(t0));
        finish();
        report(t0);
        return RepeatStatus.FINISHED;
    }

    /** Phases (B) to (D): the records that phase (A) left to link. */
    private void linkRecords(Connection c, DecisionBook decisions, long t0) throws SQLException {
        jdbc.update("INSERT INTO pending (run_id, rec_id, phase) SELECT ?, r.rec_id, 'B' FROM " + EFFECTIVE
                + " WHERE r.id_status NOT IN ('VALID', 'LEGACY15')", runId, runId);
        Statistics.refresh(jdbc, "pending");
        log.info("identity: numbers grouped in {} ms", ms(t0));
        phaseRepair(c, decisions);
        log.info("identity: repairs done at {} ms", ms(t0));
        phaseHousehold(c);
        log.info("identity: households done at {} ms", ms(t0));
        Statistics.refresh(jdbc, "pending", "repair_stage");
        phaseFuzzy(c, decisions);
        log.info("identity: fuzzy candidates done at {} ms", ms(t0));
    }

    private void report(long t0) {
        Map<String, Object> links = jdbc.queryForMap("""
                SELECT SUM(CASE WHEN certain THEN 1 ELSE 0 END) AS certain, SUM(CASE WHEN method = 'MATCHED' THEN 1 ELSE 0 END) AS matched,
                       SUM(CASE WHEN NOT certain AND method <> 'MATCHED' THEN 1 ELSE 0 END) AS review
                FROM link WHERE run_id = ?""", runId);
        log.info("identity: {} persons, {} certain links, {} matched, {} review candidates, {} records unlinked ({} ms)",
                count("SELECT COUNT(*) FROM person_run WHERE run_id = ?"), links.get("certain"), links.get("matched"), links.get("review"),
                count("SELECT COUNT(*) FROM pending WHERE run_id = ?"), ms(t0));
    }

    /**
     * Identity resolution's working tables, read until the rules have run (DecideTasklet). A county keeps a month of
     * runs; left in place, a run's million working rows would make every later run scan them all again.
     */
    public static final List<String> WORKING_TABLES = List.of("link_stage", "pending", "repair_stage",
            "block_rec", "candidate_stage", "person_pair");

    public static void clearWorkingTables(JdbcTemplate jdbc, String runId) {
        for (String t : WORKING_TABLES) jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", runId);
    }

    /** (A) one group per usable number: the run's persons, with their stable ids, and their number links. */
    private void phaseNumbers(Connection c) throws SQLException {
        // The register's names are read on a second connection while PostgreSQL sorts the records by number (both read
        // what the load step committed); the groups need them only from the sort's first row on.
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "resolve-names"));
        Future<Register> registerNames = reader.submit(() -> {
            NameFrequencies frequencies = new NameFrequencies();
            streaming.query("SELECT r.name, r.sex FROM " + EFFECTIVE + " WHERE r.source = 'huji'", rs -> {
                String sex = rs.getString(2);
                frequencies.add(rs.getString(1), sex == null ? null : sex.charAt(0));
            }, runId);
            Twins twins = new Twins();
            streaming.query(TWINS, rs -> {
                String sex = rs.getString(4);
                twins.add(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), sex == null ? null : sex.charAt(0));
            }, runId);
            return new Register(frequencies, twins);
        });
        reader.shutdown();
        // persons and number links are inserted on a connection of their own (BackgroundCopy), committed at the end of
        // this phase: a rerun of the step deletes them there first
        try (BackgroundCopy personWriter = BackgroundCopy.open(dataSource, "resolve-persons");
             BackgroundCopy linkWriter = BackgroundCopy.open(dataSource, "resolve-links");
             PersonIds personIds = new PersonIds(dataSource, jdbc, countyCode, byteOrder)) {
            personWriter.update("DELETE FROM person_run WHERE run_id = ?", runId);
            linkWriter.update("DELETE FROM link WHERE run_id = ?", runId);
            groupByNumber(c, registerNames, personIds, personWriter, linkWriter);
            personWriter.commit();
            linkWriter.commit();
        }
    }

    /** What number grouping needs of the whole household register. */
    private record Register(NameFrequencies frequencies, Twins twins) {}

    /**
     * The police records of the households where two records share a birth date (Twins), in one scan: a join of the
     * records with their grouped households ran as a nested loop on PostgreSQL (minutes at 20,000 persons).
     */
    private static final String TWINS = """
            SELECT household_key, birth_date, name, sex FROM (
                SELECT r.household_key, r.birth_date, r.name, r.sex, COUNT(*) OVER (PARTITION BY r.household_key, r.birth_date) AS born
                FROM\s""" + EFFECTIVE + """
                WHERE r.source = 'huji' AND r.household_key IS NOT NULL AND r.birth_date IS NOT NULL) t
            WHERE born > 1""";

    private void groupByNumber(Connection c, Future<Register> registerNames, PersonIds personIds, BackgroundCopy personWriter,
                               BackgroundCopy linkWriter) throws SQLException {
        NumberGroupResolver[] resolver = {null};
        try (BufferedCopy newPersons = personWriter.into("person", NEW_PERSON_COLUMNS);
             BufferedCopy persons = personWriter.into("person_run", PERSON_COLUMNS);
             BufferedCopy links = linkWriter.into("link", NUMBER_LINK_COLUMNS);
             BufferedCopy pending = new BufferedCopy(c, "pending", List.of("run_id", "rec_id", "phase"))) {
            List<IdentityRecord> group = new ArrayList<>();
            String[] current = {null};
            SqlConsumer<List<IdentityRecord>> flush = g -> {
                if (g.isEmpty()) return;
                if (resolver[0] == null) {
                    Register register = done(registerNames, "reading the register's names");
                    resolver[0] = new NumberGroupResolver(register.frequencies(), register.twins());
                }
                NumberGroupResolver.Result res = resolver[0].resolve(current[0], g);
                Map<String, Long> ids = personIds.known(current[0]);
                for (PersonSeed p : res.persons()) {
                    Long id = ids.get(p.personKey());
                    if (id == null) {
                        id = personIds.next();
                        ids.put(p.personKey(), id);
                        newPersons.add(countyCode, id, p.personKey(), p.idNumber(), runId);
                    }
                    writePerson(persons, id, p);
                }
                for (Link l : res.links()) {
                    Long id = ids.get(l.personKey());
                    if (id == null) throw new IllegalStateException("a number link to a person outside its number's group: " + l);
                    links.add(runId, l.recId(), id, l.method().name(), l.certain(), l.score(), l.evidence());
                }
                for (IdentityRecord r : res.pending()) pending.add(runId, r.recId(), "A");
                g.clear();
            };
            SessionTuning.forWideSort(jdbc, () -> streaming.query("SELECT " + IdentityRecord.GROUPING_COLUMNS + " FROM " + EFFECTIVE
                    + " WHERE r.id_status IN ('VALID', 'LEGACY15') ORDER BY r.id_number" + byteOrder + """
                     , CASE WHEN r.source = 'huji' THEN 0 ELSE 1 END, CASE WHEN r.id_status = 'VALID' THEN 0 ELSE 1 END, r.rec_id""",
                    rs -> {
                        IdentityRecord r = IdentityRecord.read(rs);
                        if (!r.idNumber().equals(current[0])) {
                            flush.accept(group);
                            current[0] = r.idNumber();
                        }
                        group.add(r);
                    }, runId));
            flush.accept(group);
            done(registerNames, "reading the register's names"); // finished, and its failure seen, even without groups
        }
    }

    /** (B) numbers that fail their check digit or contradict their record, one digit or swap from a person. */
    private void phaseRepair(Connection c, DecisionBook decisions) throws SQLException {
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
            Set<String> speltSo = new HashSet<>();
            // spelt_so: a person known only from other agencies' records, one of them under their number spelt exactly so
            streaming.query("SELECT " + IdentityRecord.COLUMNS + ", " + PERSON_SELECT + """
                     , CASE WHEN ps.from_huji THEN FALSE ELSE EXISTS (
                           SELECT 1 FROM link l2 JOIN src_record s2 ON s2.rec_id = l2.rec_id
                           WHERE l2.run_id = k.run_id AND l2.person_id = ps.person_id AND l2.certain = TRUE AND s2.name = r.name)
                       END AS spelt_so
                     FROM repair_stage k
                     JOIN src_record r ON r.rec_id = k.rec_id
                     JOIN person_run ps ON ps.run_id = k.run_id AND ps.id_number = k.candidate
                     WHERE k.run_id = ? ORDER BY k.rec_id""", rs -> {
                IdentityRecord r = IdentityRecord.read(rs);
                if (!recs.containsKey(r.recId()) && !recs.isEmpty()) {
                    decideRepairs(recs, hits, speltSo, links, decisions);
                }
                recs.put(r.recId(), r);
                PersonSeed p = readPerson(rs);
                hits.computeIfAbsent(r.recId(), k -> new ArrayList<>()).add(p);
                if (rs.getBoolean("spelt_so")) speltSo.add(p.personKey());
            }, runId);
            decideRepairs(recs, hits, speltSo, links, decisions);
        }
        dropLinkedFromPending();
    }

    private void decideRepairs(Map<Long, IdentityRecord> recs, Map<Long, List<PersonSeed>> hits, Set<String> speltSo,
                               BufferedCopy links, DecisionBook decisions) throws SQLException {
        for (var e : hits.entrySet()) {
            List<PersonSeed> distinct = e.getValue().stream()
                    .collect(java.util.stream.Collectors.toMap(PersonSeed::personKey, p -> p, (a, b) -> a, LinkedHashMap::new))
                    .values().stream().toList();
            IdentityRecord r = recs.get(e.getKey());
            var link = RepairRule.apply(r, distinct, speltSo);
            if (link.isEmpty()) continue;
            // a repaired link's removal evidence is not acted on (rules.Fact#actedOn) but raised for review; the township's
            // verdict on that item is applied here: the same person is a DECIDED link, different people no link at all
            var d = decisions.find(Fingerprint.of("LINK", r.rowHash(), link.get().personKey()));
            if (d.isPresent() && d.get().verdict() == Verdict.DIFFERENT) continue;
            if (d.isPresent() && (d.get().verdict() == Verdict.SAME_PERSON || d.get().verdict() == Verdict.CONFIRM_DEATH)) {
                Link l = link.get();
                writeLink(links, new Link(l.recId(), l.personKey(), Link.Method.DECIDED, true, l.score(), l.evidence()));
            } else {
                writeLink(links, link.get());
            }
        }
        recs.clear();
        hits.clear();
        speltSo.clear();
    }

    /**
     * (C) a chaiqian row without number, singled out by its case's linked members' household, relation and name (a certain
     * link); a member of those households whose name is only spelt like the row's (a homophone, a dot, a '*') is a
     * candidate for review, scored on name, village and the household the case shares with them.
     */
    private void phaseHousehold(Connection c) throws SQLException {
        Map<Long, HouseholdCase> cases = new LinkedHashMap<>();
        streaming.query("""
                WITH cases AS (
                    SELECT u.rec_id, r.snapshot_id, r.household_key, r.relation, r.name, r.area_code, r.row_hash, r.id_status,
                           r.address, r.other_area, r.other_address, r.start_date, r.status
                    FROM pending u JOIN src_record r ON r.rec_id = u.rec_id AND r.source = 'chaiqian'
                    WHERE u.run_id = ?),
                household AS (
                    SELECT c.rec_id AS case_rec_id, m.rec_id, m.id_number
                    FROM cases c
                    JOIN src_record m ON m.snapshot_id = c.snapshot_id AND m.household_key = c.household_key AND m.rec_id <> c.rec_id),
                -- the case's other rows linked for certain: by number (link, found through the person of that number) or
                -- repaired (link_stage, by person key)
                members AS (
                    SELECT h.case_rec_id AS rec_id, l.person_id
                    FROM household h
                    JOIN person_run pn ON pn.run_id = ? AND pn.id_number = h.id_number
                    JOIN link l ON l.run_id = ? AND l.person_id = pn.person_id AND l.rec_id = h.rec_id AND l.certain = TRUE
                    UNION
                    SELECT h.case_rec_id, p.person_id
                    FROM household h
                    JOIN link_stage l ON l.run_id = ? AND l.rec_id = h.rec_id AND l.certain = TRUE
                    JOIN person p ON p.county_code = ? AND p.person_key = l.person_key)
                SELECT c.rec_id, c.relation, c.name, c.area_code, mm.person_id AS member, pc.person_id, pc.person_key,
                       pc.relation AS person_relation, pc.name AS person_name, pc.area_code AS person_area, c.row_hash,
                       c.id_status, CONCAT_WS('|', c.snapshot_id, c.household_key, c.relation, c.name, c.area_code, c.address,
                       c.other_area, c.other_address, c.start_date, c.status) AS stated
                FROM cases c
                JOIN members mm ON mm.rec_id = c.rec_id
                JOIN person_run pm ON pm.run_id = ? AND pm.person_id = mm.person_id
                JOIN person_run pc ON pc.run_id = ? AND pc.household_key = pm.household_key""", rs -> {
            String relation = rs.getString(2), name = rs.getString(3), area = rs.getString(4);
            String rowHash = rs.getString(11);
            boolean numbered = !"EMPTY".equals(rs.getString(12));
            String stated = rs.getString(13);
            HouseholdCase hc = cases.computeIfAbsent(rs.getLong(1), k -> new HouseholdCase(relation, name, area, rowHash, numbered, stated));
            hc.members.add(rs.getLong(5));
            hc.household.put(rs.getLong(6), new HouseholdRule.Member(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
        }, runId, runId, runId, runId, countyCode, runId, runId);
        try (BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS);
             BufferedCopy candidates = new BufferedCopy(c, "candidate_stage", CANDIDATE_COLUMNS)) {
            Map<String, List<Long>> alike = new HashMap<>();
            cases.forEach((id, hc) -> {
                if (!hc.numbered) alike.computeIfAbsent(hc.stated, k -> new ArrayList<>()).add(id);
            });
            for (var e : cases.entrySet()) {
                HouseholdCase hc = e.getValue();
                List<HouseholdRule.Member> others = hc.others();
                var singled = HouseholdRule.singledOut(e.getKey(), hc.numbered, hc.relation, hc.name,
                        alike.getOrDefault(hc.stated, List.of()), others);
                if (singled.isPresent()) {
                    writeLink(links, new Link(e.getKey(), singled.get().key(), Link.Method.HOUSEHOLD, true, null,
                            "拆迁户内成员：同一被征收户、与户主关系(" + hc.relation + ")一致、姓名相同"));
                    continue;
                }
                for (HouseholdRule.Member m : others) {
                    if (!NameRules.agree(hc.name, m.name())) continue;
                    MatchScore s = scorer.score(new PartyView(null, hc.name, null, null, null, hc.area, "case", hc.relation),
                            new PartyView(null, m.name(), null, null, null, m.area(), "case", m.relation()));
                    // a candidate, not a link: the fuzzy phase may find the same person for this row by its number or
                    // its block, and a record's candidates are one set (CandidateRule), never two links to one person
                    if (s.total() >= thresholds.lower()) {
                        candidates.add(runId, e.getKey(), m.key(), s.total(), "拆迁户内成员 " + s.explain(), hc.rowHash, false);
                    }
                }
            }
        }
        dropLinkedFromPending();
    }

    /**
     * A chaiqian row's evidence: the persons its case's other rows are linked to, and everyone of those members'
     * households. A member is never the row itself (two sons may share a name); that is decided here rather than by a
     * NOT EXISTS over the members in SQL, which PostgreSQL ran as a nested loop of every case's members against every
     * other's (25 million comparisons, 2 of the phase's 3 seconds at 1M).
     */
    private static final class HouseholdCase {
        final String relation;
        final String name;
        final String area;
        final String rowHash;
        /** the row carries a number (mistyped, or another person's: phase A left it pending) */
        final boolean numbered;
        /** everything the row states but its number: rows of one case alike in it are one row written several times */
        final String stated;
        final Set<Long> members = new HashSet<>();
        /** person id → the person, for everyone of the members' households */
        final Map<Long, HouseholdRule.Member> household = new LinkedHashMap<>();

        HouseholdCase(String relation, String name, String area, String rowHash, boolean numbered, String stated) {
            this.stated = stated;
            this.relation = relation;
            this.name = name;
            this.area = area;
            this.rowHash = rowHash;
            this.numbered = numbered;
        }

        /** The persons of the members' households who hold no other row of the case. */
        List<HouseholdRule.Member> others() {
            List<HouseholdRule.Member> out = new ArrayList<>();
            household.forEach((id, m) -> {
                if (!members.contains(id)) out.add(m);
            });
            return out;
        }
    }

    /**
     * (D) blocking by sex × birth month × surname reading, and by the numbers one digit or swap from a record's own,
     * then weighted scoring of each pair in a block. Blocks lie within one birth month, so the records' blocks, ordered
     * by month, are merged with the persons streamed once in birth order, one month of them in memory: an SQL join
     * returned one wide row per pair (millions in a county) and took most of the time of the whole resolution.
     */
    private void phaseFuzzy(Connection c, DecisionBook decisions) throws SQLException {
        long t0 = System.nanoTime();
        NameCounts counts = new NameCounts();
        try (BufferedCopy blocks = new BufferedCopy(c, "block_rec", List.of("run_id", "birth_ym", "block", "rec_id"))) {
            streaming.query("SELECT " + IdentityRecord.COLUMNS + " FROM pending p JOIN src_record r ON r.rec_id = p.rec_id WHERE p.run_id = ?",
                    rs -> {
                        IdentityRecord r = IdentityRecord.read(rs);
                        counts.want(r.name());
                        YearMonth month = r.effectiveBirthMonth();
                        for (String k : Blocking.keys(r.name(), r.effectiveSex(), month)) {
                            blocks.add(runId, monthIndex(month), Blocking.hash(k), r.recId());
                        }
                    }, runId);
        }
        streaming.query("SELECT name FROM person_run WHERE run_id = ?", rs -> {
            counts.count(rs.getString(1));
        }, runId);
        log.info("identity: names of the records to link counted among the persons at {} ms", ms(t0));
        Statistics.refresh(jdbc, "block_rec");
        long pairs = 0;
        try (BufferedCopy out = new BufferedCopy(c, "candidate_stage", CANDIDATE_COLUMNS)) {
            pairs += scoreBlocks(c, counts, out);
            log.info("identity: blocks scored at {} ms", ms(t0));
            pairs += scoreNearNumbers(counts, out);
            pairs += scoreNumberHolders(counts, out);
            pairs += scoreNamesakes(counts, out);
            log.info("identity: {} fuzzy pairs compared, {} at or above the lower threshold ({} ms)", pairs, out.total(), ms(t0));
        }
        Statistics.refresh(jdbc, "candidate_stage");
        chooseCandidates(c, decisions);
        dropLinkedFromPending();
    }

    /** Records that a phase linked for certain are no longer pending (EXISTS: H2 ran IN (subquery) as a scan per row). */
    private void dropLinkedFromPending() {
        SessionTuning.withoutNestedLoops(jdbc, () -> jdbc.update("""
                DELETE FROM pending WHERE run_id = ? AND EXISTS
                  (SELECT 1 FROM link_stage l WHERE l.run_id = pending.run_id AND l.rec_id = pending.rec_id AND l.certain = TRUE)""", runId));
    }

    private static int monthIndex(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /** A person of the month in memory, with its view for scoring. */
    private record Blocked(PersonSeed seed, PartyView view) {}

    /** A record read from a block and the persons of that block: scored on the worker thread. */
    private record Work(IdentityRecord record, List<Blocked> persons) {}

    /**
     * Every record of a block against every person of it; pairs scoring at least the lower threshold go to {@code out}.
     * This thread reads both streams; a second one scores a month's pairs meanwhile (scoring is most of the phase's
     * CPU, and a run has two cores). Months are written as they finish, at most {@value #MONTHS_IN_FLIGHT} held.
     */
    private long scoreBlocks(Connection c, NameCounts names, BufferedCopy out) throws SQLException {
        String records = "SELECT br.birth_ym, br.block, " + IdentityRecord.COLUMNS + """
                 FROM block_rec br JOIN src_record r ON r.rec_id = br.rec_id
                 WHERE br.run_id = ? ORDER BY br.birth_ym, br.block, br.rec_id""";
        String persons = "SELECT " + PERSON_SELECT + """
                 FROM person_run ps WHERE ps.run_id = ? AND ps.birth_date IS NOT NULL ORDER BY ps.birth_date, ps.person_id""";
        long pairs = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "resolve-scoring");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<List<Object[]>>> inFlight = new ArrayDeque<>();
        try (PreparedStatement rq = c.prepareStatement(records); PreparedStatement pq = c.prepareStatement(persons)) {
            rq.setFetchSize(10_000);
            pq.setFetchSize(10_000);
            rq.setString(1, runId);
            pq.setString(1, runId);
            try (ResultSet rr = rq.executeQuery(); ResultSet pr = pq.executeQuery()) {
                PersonSeed next = pr.next() ? readPerson(pr) : null;
                Map<Long, List<Blocked>> blocks = new HashMap<>();
                List<Work> work = new ArrayList<>();
                int month = Integer.MIN_VALUE;
                while (rr.next()) {
                    int m = rr.getInt(1);
                    if (m != month) {
                        submit(worker, work, names, inFlight, out);
                        work = new ArrayList<>();
                        blocks = new HashMap<>();
                        month = m;
                        while (next != null && monthIndex(YearMonth.from(next.birthDate())) < m) next = pr.next() ? readPerson(pr) : null;
                        while (next != null && monthIndex(YearMonth.from(next.birthDate())) == m) {
                            Blocked p = new Blocked(next, next.toParty());
                            for (long k : Blocking.personKeys(next.name(), next.formerName(), next.sex(), YearMonth.from(next.birthDate()))) {
                                blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
                            }
                            next = pr.next() ? readPerson(pr) : null;
                        }
                    }
                    List<Blocked> block = blocks.get(rr.getLong(2));
                    if (block == null) continue;
                    work.add(new Work(IdentityRecord.read(rr), block));
                    pairs += block.size();
                }
                submit(worker, work, names, inFlight, out);
            }
            while (!inFlight.isEmpty()) write(inFlight.poll(), out);
        } finally {
            worker.shutdownNow();
        }
        return pairs;
    }

    private static final int MONTHS_IN_FLIGHT = 8;

    private void submit(ExecutorService worker, List<Work> work, NameCounts names, Deque<Future<List<Object[]>>> inFlight,
                        BufferedCopy out) throws SQLException {
        if (!work.isEmpty()) {
            inFlight.add(worker.submit(() -> {
                List<Object[]> rows = new ArrayList<>();
                for (Work w : work) rows.addAll(candidates(w.record(), w.persons(), names, false));
                return rows;
            }));
        }
        while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() > MONTHS_IN_FLIGHT)) write(inFlight.poll(), out);
    }

    private static void write(Future<List<Object[]>> scored, BufferedCopy out) throws SQLException {
        for (Object[] row : done(scored, "scoring candidate pairs")) out.add(row);
    }

    /** A helper thread's result, its failure rethrown on this thread. */
    private static <T> T done(Future<T> work, String what) {
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

    /** The most persons of one name a record without number or birth names as its likeliest people. */
    static final int NAMESAKES_NAMED = 10;

    /**
     * A record with neither a number nor a birth of its own (a notice or a case row written without one) has no blocking
     * key by birth; its likeliest people are the persons whose name reads as its name ({@link Blocking#namesakeKeys},
     * {@link NameRules#agree}: 孙炜 names 孙伟), of its sex when it has one (RULES.md: never dropped without an item naming
     * them). Too many of them for a list to help a clerk: those of the record's dwelling (a common name has a score of
     * namesakes in one village of a million-person county, issue 18), else of its village, else of its very name.
     */
    private long scoreNamesakes(NameCounts names, BufferedCopy out) throws SQLException {
        Map<Long, IdentityRecord> recs = new LinkedHashMap<>();
        streaming.query("SELECT " + IdentityRecord.COLUMNS + """
                 FROM (SELECT DISTINCT rec_id FROM pending WHERE run_id = ?) p
                 JOIN src_record r ON r.rec_id = p.rec_id
                 WHERE (r.id_number IS NULL OR r.id_number = '') AND r.birth_date IS NULL AND r.birth_month IS NULL
                   AND r.name IS NOT NULL AND r.name <> ''
                 ORDER BY r.rec_id""", rs -> {
            IdentityRecord r = IdentityRecord.read(rs);
            recs.put(r.recId(), r);
        }, runId);
        if (recs.isEmpty()) return 0;
        Map<String, List<IdentityRecord>> byKey = new HashMap<>();
        for (IdentityRecord r : recs.values()) {
            for (String k : Blocking.namesakeKeys(r.name())) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        record Namesake(long personId, boolean sameName, boolean sameVillage, boolean sameDwelling) {}
        Map<Long, Map<Long, Namesake>> found = new HashMap<>();
        streaming.query("""
                SELECT person_id, name, former_name, sex, area_code, residence_area, address, residence_address
                FROM person_run WHERE run_id = ?""", rs -> {
            long id = rs.getLong("person_id");
            String sex = rs.getString("sex");
            String area = rs.getString("area_code");
            String residence = rs.getString("residence_area");
            String address = rs.getString("address"), residenceAddress = rs.getString("residence_address");
            for (String spelling : new String[] {rs.getString("name"), rs.getString("former_name")}) {
                if (spelling == null || spelling.isEmpty()) continue;
                for (String k : Blocking.namesakeKeys(spelling)) {
                    for (IdentityRecord r : byKey.getOrDefault(k, List.of())) {
                        if (r.sex() != null && sex != null && !sex.isEmpty() && sex.charAt(0) != r.sex()) continue;
                        if (!NameRules.agree(spelling, r.name())) continue;
                        String village = r.areaCode() != null && r.areaCode().length() == 12 ? r.areaCode() : null;
                        boolean sameVillage = village != null && (village.equals(area) || village.equals(residence));
                        boolean sameDwelling = r.address() != null
                                && (Addresses.sameDwelling(r.address(), address) || Addresses.sameDwelling(r.address(), residenceAddress));
                        found.computeIfAbsent(r.recId(), x -> new LinkedHashMap<>()).merge(id,
                                new Namesake(id, spelling.equals(r.name()), sameVillage, sameDwelling),
                                (x, y) -> new Namesake(id, x.sameName() || y.sameName(), x.sameVillage(), x.sameDwelling()));
                    }
                }
            }
        }, runId);
        Map<Long, List<Long>> chosen = new LinkedHashMap<>();
        Map<Long, List<Long>> crowded = new LinkedHashMap<>();
        for (Map.Entry<Long, Map<Long, Namesake>> e : found.entrySet()) {
            List<Namesake> all = List.copyOf(e.getValue().values());
            List<Namesake> named = all.size() <= NAMESAKES_NAMED ? all : all.stream().filter(Namesake::sameDwelling).toList();
            if (named.isEmpty() || named.size() > NAMESAKES_NAMED) named = all.stream().filter(Namesake::sameVillage).toList();
            if (named.isEmpty() || named.size() > NAMESAKES_NAMED) named = all.stream().filter(Namesake::sameName).toList();
            if (named.size() > NAMESAKES_NAMED || named.isEmpty()) {
                crowded.put(e.getKey(), all.stream().map(Namesake::personId).toList());
            } else {
                chosen.put(e.getKey(), named.stream().map(Namesake::personId).toList());
            }
        }
        chosen.putAll(byCaseHousehold(crowded, recs));
        StringBuilder pairs = new StringBuilder();
        chosen.forEach((recId, persons) -> {
            for (long person : persons) pairs.append(pairs.isEmpty() ? "" : ", ").append('(').append(recId).append(", ").append(person).append(')');
        });
        if (pairs.isEmpty()) return 0;
        // the pairs are numbers this step read itself, written out as literals to be joined with the persons' columns
        return scoreNamed(names, out, NAMESAKES_NAMED, """
                 FROM (VALUES %s) AS near(rec_id, person_id)
                 JOIN src_record r ON r.rec_id = near.rec_id AND r.rec_id IN (SELECT rec_id FROM pending WHERE run_id = ?)
                 JOIN person_run ps ON ps.run_id = ? AND ps.person_id = near.person_id
                 ORDER BY r.rec_id, ps.person_id""".formatted(pairs));
    }

    /**
     * A resettlement case row with too many namesakes for a list (a common name in a county of a million, issue 18: an
     * unanchored case named nobody) is told apart by its case: the namesakes whose household holds the most of the case's
     * other names are its likeliest people, when at least one other name is there and they are few enough to list.
     */
    private Map<Long, List<Long>> byCaseHousehold(Map<Long, List<Long>> crowded, Map<Long, IdentityRecord> recs) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        List<Long> cases = crowded.keySet().stream()
                .filter(id -> "chaiqian".equals(recs.get(id).source()) && recs.get(id).householdKey() != null).toList();
        if (cases.isEmpty()) return out;
        Map<Long, Set<String>> caseNames = new HashMap<>();
        // the ids are numbers this step read itself, written out as literals
        jdbc.query("""
                SELECT c.rec_id, m.name FROM (VALUES %s) AS x(rec_id)
                JOIN src_record c ON c.rec_id = x.rec_id
                JOIN src_record m ON m.snapshot_id = c.snapshot_id AND m.household_key = c.household_key AND m.rec_id <> c.rec_id
                WHERE m.name IS NOT NULL AND m.name <> ''""".formatted(values(cases)), (RowCallbackHandler) rs -> {
            caseNames.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        Set<Long> persons = new java.util.TreeSet<>();
        for (Long id : cases) if (caseNames.containsKey(id)) persons.addAll(crowded.get(id));
        if (persons.isEmpty()) return out;
        Map<Long, List<String>> householdNames = new HashMap<>();
        jdbc.query("""
                SELECT p.person_id, m.name FROM (VALUES %s) AS x(person_id)
                JOIN person_run p ON p.run_id = ? AND p.person_id = x.person_id
                JOIN person_run m ON m.run_id = ? AND m.household_key = p.household_key AND m.person_id <> p.person_id
                WHERE p.household_key IS NOT NULL""".formatted(values(persons)), (RowCallbackHandler) rs -> {
            householdNames.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, runId, runId);
        for (Long id : cases) {
            Set<String> others = caseNames.get(id);
            if (others == null) continue;
            Map<Long, Long> support = new LinkedHashMap<>();
            for (Long person : crowded.get(id)) {
                long n = others.stream().filter(name -> householdNames.getOrDefault(person, List.of()).stream()
                        .anyMatch(h -> NameRules.agree(h, name))).count();
                if (n > 0) support.put(person, n);
            }
            long best = support.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<Long> named = support.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
            if (best > 0 && named.size() <= NAMESAKES_NAMED) out.put(id, named);
        }
        return out;
    }

    private static String values(java.util.Collection<Long> ids) {
        StringBuilder b = new StringBuilder();
        for (Long id : ids) b.append(b.isEmpty() ? "" : ", ").append('(').append(id).append(')');
        return b.toString();
    }

    /** A record whose number is one digit or swap from a person's is that person's candidate even when its birth disagrees. */
    private long scoreNearNumbers(NameCounts names, BufferedCopy out) throws SQLException {
        return scoreNamed(names, out, Integer.MAX_VALUE, """
                 FROM (SELECT DISTINCT k.rec_id, ps.person_id FROM repair_stage k
                       JOIN pending p ON p.run_id = k.run_id AND p.rec_id = k.rec_id
                       JOIN person_run ps ON ps.run_id = k.run_id AND ps.id_number = k.candidate
                       WHERE k.run_id = ?) near
                 JOIN src_record r ON r.rec_id = near.rec_id
                 JOIN person_run ps ON ps.run_id = ? AND ps.person_id = near.person_id
                 ORDER BY r.rec_id, ps.person_id""");
    }

    /**
     * A record of another agency under a person's very number whose name, sex or birth disagrees (phase A left it
     * pending) names that number's holders for review whatever they score: the number is the likeliest tie to a person
     * that the record has (independent5: a death notice under a living woman's number and a man's name raised only an
     * anonymous ID_INVALID in the county office's queue; RULES.md: a record linked to nobody for certain names its
     * likeliest people). They stay FUZZY: the number alone never acts on a record that contradicts it. Police rows are
     * left out: under a number the police hold they are its second holder (NumberGroupResolver), and a police row
     * linked uncertainly is a 一人多户 question of its own (DecideTasklet).
     */
    private long scoreNumberHolders(NameCounts names, BufferedCopy out) throws SQLException {
        return scoreNamed(names, out, Integer.MAX_VALUE, """
                 FROM pending p JOIN src_record r ON r.rec_id = p.rec_id
                 JOIN person_run ps ON ps.run_id = p.run_id AND ps.id_number = r.id_number
                 WHERE p.run_id = ? AND r.id_status IN ('VALID', 'LEGACY15') AND r.source <> 'huji' AND ps.run_id = ?
                 ORDER BY r.rec_id, ps.person_id""");
    }

    /**
     * Scores each record against the persons a query (ordered by record, taking the run id twice) names as its likeliest
     * people, keeping them as named candidates whatever they score; a record with more than {@code most} is skipped.
     */
    private long scoreNamed(NameCounts names, BufferedCopy out, int most, String fromOrdered) throws SQLException {
        long[] pairs = {0};
        IdentityRecord[] current = {null};
        List<Blocked> persons = new ArrayList<>();
        SqlConsumer<List<Blocked>> flush = list -> {
            if (!list.isEmpty() && list.size() <= most) {
                pairs[0] += list.size();
                for (Object[] row : candidates(current[0], list, names, true)) out.add(row);
            }
            list.clear();
        };
        streaming.query("SELECT " + IdentityRecord.COLUMNS + ", " + PERSON_SELECT + fromOrdered, rs -> {
            IdentityRecord r = IdentityRecord.read(rs);
            if (current[0] == null || current[0].recId() != r.recId()) {
                flush.accept(persons);
                current[0] = r;
            }
            PersonSeed p = readPerson(rs);
            persons.add(new Blocked(p, p.toParty()));
        }, runId, runId);
        flush.accept(persons);
        return pairs[0];
    }

    /**
     * The candidate_stage rows of a record's pairs that reach the lower threshold, its name weighed by how common it is
     * among the persons (thread-safe: the scorer is stateless and the counts are only read).
     */
    private List<Object[]> candidates(IdentityRecord r, List<Blocked> persons, NameCounts names, boolean byNumber) {
        PartyView record = r.toParty();
        NameFrequency frequency = names.of(r.name());
        List<Object[]> rows = new ArrayList<>(1);
        for (Blocked p : persons) {
            // the persons one digit or swap from the record's number are its likeliest people whatever they score
            if (!byNumber && scorer.total(record, p.view(), frequency) < thresholds.lower()) continue;
            MatchScore s = scorer.score(record, p.view(), frequency);
            rows.add(new Object[] {runId, r.recId(), p.seed().personKey(), s.total(), s.explain(), r.rowHash(), byNumber});
        }
        return rows;
    }

    /** Each record's staged candidates, best first, through {@link CandidateRule}. */
    private void chooseCandidates(Connection c, DecisionBook decisions) throws SQLException {
        try (BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS)) {
            List<CandidateRule.Candidate> forRecord = new ArrayList<>();
            long[] recId = {-1};
            String[] rowHash = {null};
            boolean[] numbered = {false};
            SqlConsumer<List<CandidateRule.Candidate>> flush = list -> {
                if (list.isEmpty()) return;
                for (Link l : CandidateRule.apply(recId[0], rowHash[0], numbered[0], list, thresholds, decisions::find)) writeLink(links, l);
                list.clear();
            };
            streaming.query("""
                    SELECT k.rec_id, k.row_hash, k.person_key, k.score, k.evidence, k.named,
                           r.id_number IS NOT NULL AS numbered
                    FROM candidate_stage k JOIN src_record r ON r.rec_id = k.rec_id
                    WHERE k.run_id = ? ORDER BY k.rec_id""", rs -> {
                long id = rs.getLong(1);
                if (id != recId[0]) {
                    flush.accept(forRecord);
                    recId[0] = id;
                    rowHash[0] = rs.getString(2);
                    numbered[0] = rs.getBoolean(7);
                }
                forRecord.add(new CandidateRule.Candidate(rs.getString(3), rs.getDouble(4), rs.getString(5), rs.getBoolean(6)));
            }, runId);
            flush.accept(forRecord);
        }
    }

    /**
     * 一人多户 not provable from numbers: two police persons in different households, same sex and birth, and either
     * agreeing names under two valid numbers, or one surname and one given-name character apart under one number
     * (otherwise 重号, ID_SHARED; but such names are not "clearly different people"). The second number of one person
     * registered twice "belongs to nobody" (SOURCES.md): it may differ from the first anywhere, so how many digits
     * apart they are is no evidence; a stranger born the same day in the county has a number as close. Merged only by
     * a township's decision; raised only where the rolls would differ (DecideTasklet). They are looked for on a thread
     * and connection of their own while phases (B) to (D) run, which neither read nor change the pairs: the persons
     * were committed by phase (A) and the pairs are read by the rules.
     *
     * @return the pairs a township decided are one person
     */
    private Future<List<String[]>> startMultiRecordPairs(DecisionBook decisions) {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "resolve-multi-record");
            t.setDaemon(true);
            return t;
        });
        Future<List<String[]>> pairs = thread.submit(() -> multiRecordPairs(decisions));
        thread.shutdown();
        return pairs;
    }

    private List<String[]> multiRecordPairs(DecisionBook decisions) throws SQLException {
        List<String[]> merges = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL fetches in pieces only inside a transaction
            try (PreparedStatement clear = c.prepareStatement("DELETE FROM person_pair WHERE run_id = ?")) {
                clear.setString(1, runId);
                clear.executeUpdate();
            }
            try (BufferedCopy pairs = new BufferedCopy(c, "person_pair", List.of("run_id", "key_a", "key_b", "score", "evidence"));
                 PreparedStatement q = c.prepareStatement("SELECT " + PERSON_SELECT + """
                         FROM person_run ps
                         WHERE ps.run_id = ? AND ps.from_huji = TRUE AND ps.birth_date IS NOT NULL AND ps.sex IS NOT NULL
                           AND ps.id_number IS NOT NULL
                         ORDER BY ps.birth_date, ps.sex, ps.person_key""" + byteOrder)) {
                // blocked by birth date and sex in SQL (a few dozen police persons each); the pairs of a block compared here
                List<PersonSeed> block = new ArrayList<>();
                SqlConsumer<List<PersonSeed>> compare = b -> {
                    for (int i = 0; i < b.size(); i++) {
                        for (int j = i + 1; j < b.size(); j++) {
                            PersonSeed a = b.get(i), o = b.get(j);
                            // under one number two persons' names never agree (NumberGroupResolver made them one)
                            boolean oneNumber = a.idNumber().equals(o.idNumber());
                            // one number in one household, names a character apart, is two people sharing it (ID_SHARED)
                            if (oneNumber && a.householdKey() != null && a.householdKey().equals(o.householdKey())) continue;
                            if (oneNumber ? !NameRules.oneGivenCharApart(a.name(), o.name()) : !namesAgree(a, o)) continue;
                            if (!oneNumber && !tiedBeyondNameSexAndBirth(a, o)) continue;
                            MatchScore s = scorer.score(a.toParty(), o.toParty());
                            pairs.add(runId, a.personKey(), o.personKey(), s.total(), s.explain());
                            var d = decisions.find(Fingerprint.of("PERSON_MULTI_RECORD", a.personKey(), o.personKey()));
                            if (d.isPresent() && d.get().verdict() == Verdict.SAME_PERSON) merges.add(new String[] {a.personKey(), o.personKey()});
                        }
                    }
                    b.clear();
                };
                q.setFetchSize(10_000);
                q.setString(1, runId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        PersonSeed p = readPerson(rs);
                        if (!block.isEmpty() && (!block.get(0).birthDate().equals(p.birthDate()) || !block.get(0).sex().equals(p.sex()))) {
                            compare.accept(block);
                        }
                        block.add(p);
                    }
                }
                compare.accept(block);
            }
            c.commit();
        }
        return merges;
    }

    /**
     * RULES.md's PERSON_MULTI_RECORD "seems": under two valid numbers, a tie beyond name, sex and birth date — one
     * dwelling, numbers one typo apart, or one's former name the other's name. Two records with nothing else in common
     * are two people: at 1M, 2,575 of 2,999 such items were strangers born the same day (issue 18).
     */
    static boolean tiedBeyondNameSexAndBirth(PersonSeed a, PersonSeed o) {
        // one household counts (RULES.md: "same dwelling or household"): until 2026-12-07 such pairs were skipped as no
        // 一人多户, and both were listed without an item
        if (MultiRecordTie.holds(a.idNumber(), a.householdKey(), o.idNumber(), o.householdKey())) return true;
        if (org.voterroll.identity.match.Addresses.sameDwelling(a.address(), o.address())) return true;
        return formerNameIsTheOthersName(a, o);
    }

    /**
     * The names of two police persons under two valid numbers agree: their names, or one's former name and the other's
     * name (a second huji row written under the name a person used before: RULES.md counts a former name as a tie).
     */
    static boolean namesAgree(PersonSeed a, PersonSeed o) {
        return NameRules.agree(a.name(), o.name()) || formerNameIsTheOthersName(a, o);
    }

    private static boolean formerNameIsTheOthersName(PersonSeed a, PersonSeed o) {
        return (a.formerName() != null && NameRules.agree(a.formerName(), o.name()))
                || (o.formerName() != null && NameRules.agree(o.formerName(), a.name()));
    }

    /** Decided merges may chain (a = b, b = c): each person goes into the smallest key of its chain. */
    private void mergeDecidedPairs(List<String[]> merges) {
        Map<String, String> into = new HashMap<>();
        for (String[] m : merges) {
            String a = chainEnd(into, m[0]), b = chainEnd(into, m[1]);
            if (a.equals(b)) continue;
            if (a.compareTo(b) < 0) into.put(b, a);
            else into.put(a, b);
        }
        for (String from : into.keySet()) {
            String to = chainEnd(into, from);
            long fromId = personId(from), toId = personId(to);
            // the two persons' number links join link_stage, so that one set of statements merges every link
            jdbc.update("""
                    INSERT INTO link_stage (run_id, rec_id, person_key, method, certain, score, evidence)
                    SELECT l.run_id, l.rec_id, pr.person_key, l.method, l.certain, l.score, l.evidence
                    FROM link l JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                    WHERE l.run_id = ? AND l.person_id IN (?, ?)""", runId, fromId, toId);
            jdbc.update("DELETE FROM link WHERE run_id = ? AND person_id IN (?, ?)", runId, fromId, toId);
            // a record linked to both keeps one link, the certain one if either is
            jdbc.update("""
                    DELETE FROM link_stage WHERE run_id = ? AND person_key = ? AND certain = FALSE
                      AND rec_id IN (SELECT rec_id FROM link_stage WHERE run_id = ? AND person_key = ? AND certain = TRUE)""",
                    runId, to, runId, from);
            jdbc.update("""
                    DELETE FROM link_stage WHERE run_id = ? AND person_key = ?
                      AND rec_id IN (SELECT rec_id FROM link_stage WHERE run_id = ? AND person_key = ?)""", runId, from, runId, to);
            jdbc.update("UPDATE link_stage SET person_key = ?, method = 'DECIDED' WHERE run_id = ? AND person_key = ?", to, runId, from);
            jdbc.update("DELETE FROM person_run WHERE run_id = ? AND person_id = ?", runId, fromId);
        }
    }

    private static String chainEnd(Map<String, String> into, String key) {
        while (into.containsKey(key)) key = into.get(key);
        return key;
    }

    private long personId(String personKey) {
        return jdbc.queryForObject("SELECT person_id FROM person WHERE county_code = ? AND person_key = ?", Long.class, countyCode, personKey);
    }

    /**
     * The later phases' links by person id (the number phase wrote its own with their ids). The phases never claim a
     * record twice (each reads only the records still pending, and a record's candidates are one set); should a change
     * ever break that, this keeps one link per record and person (the certain one, else the best) and takes a record
     * that two persons claim for certain as nobody's for certain, counted in the log, rather than fail the night.
     */
    private void finish() {
        long t0 = System.nanoTime();
        Statistics.refresh(jdbc, "link_stage");
        long staged = count("SELECT COUNT(*) FROM link_stage WHERE run_id = ?");
        int stored = jdbc.update("""
                INSERT INTO link (run_id, rec_id, person_id, method, certain, score, evidence)
                SELECT run_id, rec_id, person_id, method, CASE WHEN certain AND claims > 1 THEN FALSE ELSE certain END, score, evidence
                FROM (SELECT o.*, SUM(CASE WHEN o.certain THEN 1 ELSE 0 END) OVER (PARTITION BY o.rec_id) AS claims
                      FROM (SELECT l.run_id, l.rec_id, p.person_id, l.method, l.certain, l.score, l.evidence,
                                   ROW_NUMBER() OVER (PARTITION BY l.rec_id, p.person_id
                                                      ORDER BY CASE WHEN l.certain THEN 0 ELSE 1 END, l.score DESC, l.method) AS nth
                            FROM link_stage l JOIN person p ON p.county_code = ? AND p.person_key = l.person_key
                            WHERE l.run_id = ?
                              AND NOT EXISTS (SELECT 1 FROM link n WHERE n.run_id = l.run_id AND n.person_id = p.person_id
                                                AND n.rec_id = l.rec_id)) o
                      WHERE o.nth = 1) one
                ORDER BY person_id, rec_id""", countyCode, runId);
        if (stored != staged) log.warn("identity: {} staged links were a second link of a record to one person, kept once", staged - stored);
        long contested = count("""
                SELECT COUNT(*) FROM (SELECT rec_id FROM link_stage WHERE run_id = ? AND certain = TRUE
                                      GROUP BY rec_id HAVING COUNT(DISTINCT person_key) > 1) x""");
        if (contested > 0) log.warn("identity: {} records claimed for certain by two persons, stored as candidates for review", contested);
        log.info("identity: links stored in {} ms", ms(t0));
        Statistics.refresh(jdbc, "link");
    }

    static final String PERSON_SELECT = """
            ps.person_key AS p_person_key, ps.id_number AS p_id_number, ps.name AS p_name, ps.sex AS p_sex,
            ps.birth_date AS p_birth_date, ps.area_code AS p_area_code, ps.household_key AS p_household_key,
            ps.relation AS p_relation, ps.primary_rec_id AS p_primary_rec_id, ps.from_huji AS p_from_huji,
            ps.residence_area AS p_residence_area, ps.address AS p_address, ps.residence_address AS p_residence_address,
            ps.former_name AS p_former_name
            """;

    private static PersonSeed readPerson(ResultSet rs) throws SQLException {
        String sex = rs.getString("p_sex");
        LocalDate b = rs.getObject("p_birth_date", LocalDate.class);
        return new PersonSeed(rs.getString("p_person_key"), rs.getString("p_id_number"), rs.getString("p_name"),
                sex == null ? null : sex.charAt(0), b, rs.getString("p_area_code"),
                rs.getString("p_household_key"), rs.getString("p_relation"), rs.getLong("p_primary_rec_id"),
                rs.getBoolean("p_from_huji"), rs.getString("p_residence_area"), rs.getString("p_address"),
                rs.getString("p_residence_address"), rs.getString("p_former_name"));
    }

    private void writePerson(BufferedCopy out, long personId, PersonSeed p) throws SQLException {
        LocalDate b = p.birthDate();
        out.add(runId, personId, p.personKey(), p.idNumber(), p.name(), p.sex() == null ? null : p.sex().toString(), b, p.areaCode(),
                p.householdKey(), p.relation(), p.primaryRecId(), p.fromHuji(), p.residenceArea(), p.address(),
                p.residenceAddress(), p.formerName());
    }

    private void writeLink(BufferedCopy out, Link l) throws SQLException {
        out.add(runId, l.recId(), l.personKey(), l.method().name(), l.certain(), l.score(), l.evidence());
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
