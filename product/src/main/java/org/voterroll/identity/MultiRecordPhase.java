package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.PERSON_SELECT;
import static org.voterroll.identity.ResolveStore.readPerson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.voterroll.identity.match.Addresses;
import org.voterroll.identity.match.MatchScore;
import org.voterroll.identity.match.PairScorer;
import org.voterroll.store.BufferedCopy;

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
                List<PersonSeed> block = new ArrayList<>();
                ResolveStore.SqlConsumer<List<PersonSeed>> compare = b -> {
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
    void merge(List<String[]> merges) {
        Map<String, String> into = new HashMap<>();
        for (String[] m : merges) {
            String a = chainEnd(into, m[0]), b = chainEnd(into, m[1]);
            if (a.equals(b)) continue;
            if (a.compareTo(b) < 0) into.put(b, a);
            else into.put(a, b);
        }
        for (String from : into.keySet()) {
            String to = chainEnd(into, from);
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

    private static String chainEnd(Map<String, String> into, String key) {
        while (into.containsKey(key)) key = into.get(key);
        return key;
    }
}
