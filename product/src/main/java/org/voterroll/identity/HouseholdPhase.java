package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.CANDIDATE_COLUMNS;
import static org.voterroll.identity.ResolveStore.LINK_COLUMNS;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.identity.match.MatchScore;
import org.voterroll.identity.match.PairScorer;
import org.voterroll.identity.match.PartyView;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.store.BufferedCopy;

/** Phase (C) of identity resolution: resettlement rows by their case's household (HouseholdRule). */
final class HouseholdPhase {
    private final ResolveStore store;
    private final String runId;
    private final String countyCode;
    private final JdbcTemplate streaming;
    private final PairScorer scorer;
    private final Thresholds thresholds;

    HouseholdPhase(ResolveStore store, PairScorer scorer, Thresholds thresholds) {
        this.store = store;
        this.runId = store.runId;
        this.countyCode = store.countyCode;
        this.streaming = store.streaming;
        this.scorer = scorer;
        this.thresholds = thresholds;
    }

    /**
     * (C) a chaiqian row without number, singled out by its case's linked members' household, relation and name (a certain
     * link); a member of those households whose name is only spelt like the row's (a homophone, a dot, a '*') is a
     * candidate for review, scored on name, village and the household the case shares with them.
     */
    void run(Connection c) throws SQLException {
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
                    store.writeLink(links, new Link(e.getKey(), singled.get().key(), Link.Method.HOUSEHOLD, true, null,
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
        store.dropLinkedFromPending();
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
}
