package org.voterroll.decisions;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where each county stands on a person another county of a province run also lists (CROSS_COUNTY_DUPLICATE): its latest
 * decision ({@link Verdict#KEEP_HERE} or {@link Verdict#REMOVE_HERE}) on any of the items naming that person and that other
 * county, whichever province run raised them and whatever districts they named. A decision is kept as every decision is
 * (the county, the item's fingerprint); the person and the other county are the item's (province_exception), read here.
 * <p>
 * The county's own run reads the numbers it is to strike ({@link #struck}); the province run's check reads both sides to
 * tell a settled pair (one keeps, the other strikes) from two decisions that clash ({@link #load}).
 */
public final class CrossCountyStandings {
    public static final String CODE = "CROSS_COUNTY_DUPLICATE";

    /** A county's latest decision on a person also listed by {@code otherCounty}. */
    public record Standing(String county, String number, String otherCounty, Verdict verdict, long decisionId, LocalDateTime decidedAt) {}

    /** The latest decision per county, number and other county; {@code ?} the cut-off (decided at or before). */
    private static final String LATEST = """
            SELECT s.county_code, s.id_number, s.other_county_code, s.verdict, s.decision_id, s.decided_at FROM (
                SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.county_code, x.id_number, x.other_county_code ORDER BY x.decision_id DESC) AS k
                FROM (SELECT DISTINCT d.decision_id, d.county_code, d.verdict, d.decided_at, pe.id_numbers AS id_number, pe.other_county_code
                      FROM decision d
                      JOIN province_exception pe ON pe.county_code = d.county_code AND pe.fingerprint = d.fingerprint AND pe.code = d.code
                      WHERE d.code = 'CROSS_COUNTY_DUPLICATE' AND d.decided_at <= ?) x
            ) s WHERE s.k = 1""";

    /** No cut-off: a county's run takes every decision, as its decision book does. */
    private static final LocalDateTime ANY_TIME = LocalDateTime.of(9999, 1, 1, 0, 0);

    private final Map<String, Standing> byKey;

    private CrossCountyStandings(Map<String, Standing> byKey) {
        this.byKey = byKey;
    }

    /** Every county's standings over the decisions made at or before {@code cutOff} (a province run's start). */
    public static CrossCountyStandings load(JdbcTemplate jdbc, LocalDateTime cutOff) {
        Map<String, Standing> m = new HashMap<>();
        jdbc.query(LATEST, rs -> {
            Standing s = new Standing(rs.getString(1), rs.getString(2), rs.getString(3), Verdict.valueOf(rs.getString(4)), rs.getLong(5),
                    rs.getTimestamp(6).toLocalDateTime());
            m.put(key(s.county(), s.number(), s.otherCounty()), s);
        }, Timestamp.valueOf(cutOff));
        return new CrossCountyStandings(m);
    }

    /** The county's latest decision on the person also listed by the other county, or null. */
    public Standing of(String county, String number, String otherCounty) {
        return byKey.get(key(county, number, otherCounty));
    }

    /**
     * The numbers a county's run strikes as 已在外地登记: the county's latest decision
     * is to strike; the other county has not decided to strike too (two decisions that clash strike nobody: doubt never
     * removes a voter, and the province run asks both again); and the other county still lists the person in its run of the
     * latest completed province run that held both counties (a person no longer listed there is listed here again).
     * Every decision counts, as the county's other decisions do ({@link DecisionBook}).
     */
    public static Set<String> struck(JdbcTemplate jdbc, String county) {
        Set<String> out = new HashSet<>();
        jdbc.query("""
                WITH latest AS (%s)
                SELECT a.id_number FROM latest a
                WHERE a.county_code = ? AND a.verdict = 'REMOVE_HERE'
                  AND NOT EXISTS (SELECT 1 FROM latest b WHERE b.county_code = a.other_county_code AND b.id_number = a.id_number
                                  AND b.other_county_code = a.county_code AND b.verdict = 'REMOVE_HERE')
                  AND EXISTS (SELECT 1 FROM roll_line l WHERE l.id_number = a.id_number AND l.run_id = (
                        SELECT pc.run_id FROM province_county pc JOIN province_run p ON p.province_run_id = pc.province_run_id
                        WHERE pc.county_code = a.other_county_code AND p.status = 'COMPLETED'
                          AND EXISTS (SELECT 1 FROM province_county q WHERE q.province_run_id = p.province_run_id AND q.county_code = a.county_code)
                        ORDER BY p.started_at DESC, p.province_run_id DESC LIMIT 1))
                """.formatted(LATEST), rs -> {
            out.add(rs.getString(1));
        }, Timestamp.valueOf(ANY_TIME), county);
        return out;
    }

    private static String key(String county, String number, String other) {
        return county + '|' + number + '|' + other;
    }
}
