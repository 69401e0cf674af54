package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.PERSON_SELECT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.decisions.DecisionBook;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.identity.match.MatchScore;
import org.voterroll.identity.match.PairScorer;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.GroupingReader;

/** 一人多户 of identity resolution: two police persons who may be one, and the pairs a township decided are. */
final class MultiRecordPhase {
    private final ResolveStore store;
    private final String runId;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final String byteOrder;
    private final PairScorer scorer;

    MultiRecordPhase(ResolveStore store, PairScorer scorer) {
        this.store = store;
        this.runId = store.runId;
        this.jdbc = store.jdbc;
        this.dataSource = store.dataSource;
        this.byteOrder = store.byteOrder;
        this.scorer = scorer;
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
    Future<List<String[]>> start(DecisionBook decisions) {
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
                GroupingReader<List<Object>, List<Object>, PersonSeed> blocks = GroupingReader.byKey(
                        rs -> Arrays.asList(rs.getObject("p_birth_date", LocalDate.class), rs.getString("p_sex")), ResolveStore::readPerson,
                        (key, b) -> {
                            for (int i = 0; i < b.size(); i++) {
                                for (int j = i + 1; j < b.size(); j++) {
                                    PersonSeed a = b.get(i), o = b.get(j);
                                    if (!MultiRecordRule.pairs(a, o)) continue;
                                    MatchScore s = scorer.score(a.toParty(), o.toParty());
                                    pairs.add(runId, a.personKey(), o.personKey(), s.total(), s.explain());
                                    var d = decisions.find(Fingerprint.of("PERSON_MULTI_RECORD", a.personKey(), o.personKey()));
                                    if (d.isPresent() && d.get().verdict() == Verdict.SAME_PERSON) {
                                        merges.add(new String[] {a.personKey(), o.personKey()});
                                    }
                                }
                            }
                        });
                q.setFetchSize(10_000);
                q.setString(1, runId);
                try (ResultSet rs = q.executeQuery()) {
                    blocks.readAll(rs);
                }
            }
            c.commit();
        }
        return merges;
    }

    /** Merges the pairs a township decided are one person (MultiRecordRule#merges). */
    void merge(List<String[]> decided) {
        for (Map.Entry<String, String> m : MultiRecordRule.merges(decided).entrySet()) {
            String from = m.getKey(), to = m.getValue();
            long fromId = store.personId(from), toId = store.personId(to);
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
}
