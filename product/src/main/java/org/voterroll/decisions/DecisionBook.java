package org.voterroll.decisions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** A county's recorded decisions, latest per fingerprint: read once per step, consulted per exception. */
public final class DecisionBook {
    public record Decision(long id, String code, Verdict verdict, String districtCode, String decidedBy) {}

    private final Map<String, Decision> byFingerprint;

    private DecisionBook(Map<String, Decision> byFingerprint) {
        this.byFingerprint = byFingerprint;
    }

    public static DecisionBook load(JdbcTemplate jdbc, String countyCode) {
        Map<String, Decision> m = new HashMap<>();
        jdbc.query("SELECT decision_id, fingerprint, code, verdict, district_code, decided_by FROM decision WHERE county_code = ? ORDER BY decision_id",
                rs -> {
                    m.put(rs.getString("fingerprint"), new Decision(rs.getLong("decision_id"), rs.getString("code"),
                            Verdict.valueOf(rs.getString("verdict")), rs.getString("district_code"), rs.getString("decided_by")));
                }, countyCode);
        return new DecisionBook(m);
    }

    public static DecisionBook empty() {
        return new DecisionBook(Map.of());
    }

    public Optional<Decision> find(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }
}
