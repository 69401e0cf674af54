package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.CANDIDATE_COLUMNS;
import static org.voterroll.identity.ResolveStore.LINK_COLUMNS;
import static org.voterroll.identity.ResolveStore.PERSON_SELECT;
import static org.voterroll.identity.ResolveStore.done;
import static org.voterroll.identity.ResolveStore.ms;
import static org.voterroll.identity.ResolveStore.readPerson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.voterroll.decisions.DecisionBook;
import org.voterroll.identity.match.MatchScore;
import org.voterroll.identity.match.NameFrequency;
import org.voterroll.identity.match.PairScorer;
import org.voterroll.identity.match.PartyView;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.GroupingReader;
import org.voterroll.store.Statistics;

/** Phase (D) of identity resolution: blocked, scored fuzzy candidates, each record's chosen by CandidateRule. */
final class FuzzyPhase {
    private static final Logger log = LoggerFactory.getLogger(ResolveTasklet.class);
    private final ResolveStore store;
    private final String runId;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final PairScorer scorer;
    private final Thresholds thresholds;

    FuzzyPhase(ResolveStore store, PairScorer scorer, Thresholds thresholds) {
        this.store = store;
        this.runId = store.runId;
        this.jdbc = store.jdbc;
        this.streaming = store.streaming;
        this.scorer = scorer;
        this.thresholds = thresholds;
    }

    /**
     * (D) the pairs of each blocking rule ({@link BlockingRule}) scored, then each record's candidates chosen. Blocks lie within one birth month, so the records' blocks, ordered
     * by month, are merged with the persons streamed once in birth order, one month of them in memory: an SQL join
     * returned one wide row per pair (millions in a county) and took most of the time of the whole resolution.
     */
    void run(Connection c, DecisionBook decisions) throws SQLException {
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
            for (BlockingRule rule : BlockingRule.IN_ORDER) {
                pairs += switch (rule) {
                    case BIRTH_MONTH_SURNAME -> {
                        long n = scoreBlocks(c, counts, out);
                        log.info("identity: blocks scored at {} ms", ms(t0));
                        yield n;
                    }
                    case NEAR_NUMBER -> scoreNamed(rule, counts, out, NEAR_NUMBERS);
                    case NUMBER_HOLDER -> scoreNamed(rule, counts, out, NUMBER_HOLDERS);
                    case NAMESAKE -> scoreNamesakes(counts, out);
                };
            }
            log.info("identity: {} fuzzy pairs compared, {} at or above the lower threshold ({} ms)", pairs, out.total(), ms(t0));
        }
        Statistics.refresh(jdbc, "candidate_stage");
        chooseCandidates(c, decisions);
        store.dropLinkedFromPending();
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
                PersonsByMonth byMonth = new PersonsByMonth(pr);
                Map<Long, List<Blocked>> blocks = Map.of();
                List<Work> work = new ArrayList<>();
                int month = Integer.MIN_VALUE;
                while (rr.next()) {
                    int m = rr.getInt(1);
                    if (m != month) {
                        submit(worker, work, names, inFlight, out);
                        work = new ArrayList<>();
                        blocks = byMonth.blocksOf(m);
                        month = m;
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

    /**
     * The persons streamed in birth order, read one month at a time for months asked in ascending order: the persons of
     * the months no record asks for are skipped, and only the asked month is in memory.
     */
    private static final class PersonsByMonth {
        private final ResultSet persons;
        private PersonSeed next;

        PersonsByMonth(ResultSet persons) throws SQLException {
            this.persons = persons;
            this.next = advance();
        }

        /** The persons born in {@code month} (a {@link #monthIndex}, above every month asked before) by blocking key. */
        Map<Long, List<Blocked>> blocksOf(int month) throws SQLException {
            Map<Long, List<Blocked>> blocks = new HashMap<>();
            while (next != null && monthIndex(YearMonth.from(next.birthDate())) < month) next = advance();
            while (next != null && monthIndex(YearMonth.from(next.birthDate())) == month) {
                Blocked p = new Blocked(next, next.toParty());
                for (long k : Blocking.personKeys(next.name(), next.formerName(), next.sex(), YearMonth.from(next.birthDate()))) {
                    blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
                }
                next = advance();
            }
            return blocks;
        }

        private PersonSeed advance() throws SQLException {
            return persons.next() ? readPerson(persons) : null;
        }
    }

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

    /**
     * A record with neither a number nor a birth of its own (a notice or a case row written without one) has no blocking
     * key by birth; its likeliest people are its namesakes, met by {@link Blocking#namesakeKeys} and chosen by
     * {@link NamesakeRule}.
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
        Map<Long, Map<Long, NamesakeRule.Namesake>> found = new HashMap<>();
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
                    var person = new NamesakeRule.Person(id, spelling, sex, area, residence, address, residenceAddress);
                    for (IdentityRecord r : byKey.getOrDefault(k, List.of())) {
                        NamesakeRule.of(r, person).ifPresent(n ->
                                found.computeIfAbsent(r.recId(), x -> new LinkedHashMap<>()).merge(id, n, NamesakeRule.Namesake::and));
                    }
                }
            }
        }, runId);
        Map<Long, List<Long>> chosen = new LinkedHashMap<>();
        Map<Long, List<Long>> crowded = new LinkedHashMap<>();
        for (Map.Entry<Long, Map<Long, NamesakeRule.Namesake>> e : found.entrySet()) {
            List<NamesakeRule.Namesake> all = List.copyOf(e.getValue().values());
            NamesakeRule.named(all).ifPresentOrElse(named -> chosen.put(e.getKey(), named),
                    () -> crowded.put(e.getKey(), all.stream().map(NamesakeRule.Namesake::personId).toList()));
        }
        chosen.putAll(byCaseHousehold(crowded, recs));
        StringBuilder pairs = new StringBuilder();
        chosen.forEach((recId, persons) -> {
            for (long person : persons) pairs.append(pairs.isEmpty() ? "" : ", ").append('(').append(recId).append(", ").append(person).append(')');
        });
        if (pairs.isEmpty()) return 0;
        // the pairs are numbers this step read itself, written out as literals to be joined with the persons' columns
        return scoreNamed(BlockingRule.NAMESAKE, names, out, """
                 FROM (VALUES %s) AS near(rec_id, person_id)
                 JOIN src_record r ON r.rec_id = near.rec_id AND r.rec_id IN (SELECT rec_id FROM pending WHERE run_id = ?)
                 JOIN person_run ps ON ps.run_id = ? AND ps.person_id = near.person_id
                 ORDER BY r.rec_id, ps.person_id""".formatted(pairs));
    }

    /** The crowded resettlement case rows' namesakes narrowed by their cases' households (NamesakeRule#byCaseHousehold). */
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
            NamesakeRule.byCaseHousehold(crowded.get(id), others, householdNames).ifPresent(named -> out.put(id, named));
        }
        return out;
    }

    private static String values(java.util.Collection<Long> ids) {
        StringBuilder b = new StringBuilder();
        for (Long id : ids) b.append(b.isEmpty() ? "" : ", ").append('(').append(id).append(')');
        return b.toString();
    }

    /**
     * NEAR_NUMBER: a record whose number is one digit or swap from a person's is that person's candidate even when its
     * birth disagrees.
     */
    private static final String NEAR_NUMBERS = """
             FROM (SELECT DISTINCT k.rec_id, ps.person_id FROM repair_stage k
                   JOIN pending p ON p.run_id = k.run_id AND p.rec_id = k.rec_id
                   JOIN person_run ps ON ps.run_id = k.run_id AND ps.id_number = k.candidate
                   WHERE k.run_id = ?) near
             JOIN src_record r ON r.rec_id = near.rec_id
             JOIN person_run ps ON ps.run_id = ? AND ps.person_id = near.person_id
             ORDER BY r.rec_id, ps.person_id""";

    private static final String NUMBER_HOLDERS = """
             FROM pending p JOIN src_record r ON r.rec_id = p.rec_id
             JOIN person_run ps ON ps.run_id = p.run_id AND ps.id_number = r.id_number
             WHERE p.run_id = ? AND r.id_status IN ('VALID', 'LEGACY15') AND r.source <> 'huji' AND ps.run_id = ?
             ORDER BY r.rec_id, ps.person_id""";

    /**
     * Scores each record against the persons a query (ordered by record, taking the run id twice) names as its likeliest
     * people by a named blocking rule, keeping them as named candidates whatever they score; a record with more than the
     * rule's {@link BlockingRule#most} is skipped.
     */
    private long scoreNamed(BlockingRule rule, NameCounts names, BufferedCopy out, String fromOrdered) throws SQLException {
        long[] pairs = {0};
        GroupingReader<Long, IdentityRecord, Blocked> records = GroupingReader.of(rs -> rs.getLong("rec_id"), IdentityRecord::read, rs -> {
            PersonSeed p = readPerson(rs);
            return new Blocked(p, p.toParty());
        }, (r, persons) -> {
            if (persons.size() <= rule.most) {
                pairs[0] += persons.size();
                for (Object[] row : candidates(r, persons, names, rule.named)) out.add(row);
            }
        });
        records.read(streaming, "SELECT " + IdentityRecord.COLUMNS + ", " + PERSON_SELECT + fromOrdered, runId, runId);
        return pairs[0];
    }

    /**
     * The candidate_stage rows of a record's pairs that reach the lower threshold, its name weighed by how common it is
     * among the persons (thread-safe: the scorer is stateless and the counts are only read).
     */
    private List<Object[]> candidates(IdentityRecord r, List<Blocked> persons, NameCounts names, boolean named) {
        PartyView record = r.toParty();
        NameFrequency frequency = names.of(r.name());
        List<Object[]> rows = new ArrayList<>(1);
        for (Blocked p : persons) {
            // a named rule's persons are the record's likeliest people whatever they score
            if (!named && scorer.total(record, p.view(), frequency) < thresholds.lower()) continue;
            MatchScore s = scorer.score(record, p.view(), frequency);
            rows.add(new Object[] {runId, r.recId(), p.seed().personKey(), s.total(), s.explain(), r.rowHash(), named});
        }
        return rows;
    }

    /** Each record's staged candidates, best first, through {@link CandidateRule}. */
    private void chooseCandidates(Connection c, DecisionBook decisions) throws SQLException {
        try (BufferedCopy links = new BufferedCopy(c, "link_stage", LINK_COLUMNS)) {
            record Staged(long recId, String rowHash, boolean numbered) {}
            GroupingReader<Long, Staged, CandidateRule.Candidate> records = GroupingReader.of(rs -> rs.getLong(1),
                    rs -> new Staged(rs.getLong(1), rs.getString(2), rs.getBoolean(7)),
                    rs -> new CandidateRule.Candidate(rs.getString(3), rs.getDouble(4), rs.getString(5), rs.getBoolean(6)),
                    (r, candidates) -> {
                        for (Link l : CandidateRule.apply(r.recId(), r.rowHash(), r.numbered(), candidates, thresholds, decisions::find)) {
                            store.writeLink(links, l);
                        }
                    });
            records.read(streaming, """
                    SELECT k.rec_id, k.row_hash, k.person_key, k.score, k.evidence, k.named,
                           r.id_number IS NOT NULL AS numbered
                    FROM candidate_stage k JOIN src_record r ON r.rec_id = k.rec_id
                    WHERE k.run_id = ? ORDER BY k.rec_id""", runId);
        }
    }
}
