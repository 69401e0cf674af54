package org.voterroll.ops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Actuator health {@code lastRun}: DOWN when a county's last completed run is older than
 * {@code voter-roll.health.max-run-age} (default 26 h: one night missed), or its latest run stopped
 * (FAILED, NEEDS_CONFIRMATION). The database itself is Actuator's {@code db} indicator.
 */
@Component("lastRun")
public class LastRunHealthIndicator implements HealthIndicator {
    private final JdbcTemplate jdbc;
    private final Duration maxAge;

    public LastRunHealthIndicator(JdbcTemplate jdbc, @Value("${voter-roll.health.max-run-age:26h}") Duration maxAge) {
        this.jdbc = jdbc;
        this.maxAge = maxAge;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean down = false;
        List<String> counties = jdbc.queryForList("SELECT DISTINCT county_code FROM run ORDER BY county_code", String.class);
        for (String county : counties) {
            Map<String, Object> d = new LinkedHashMap<>();
            List<Map<String, Object>> done = jdbc.queryForList("""
                    SELECT run_id, finished_at FROM run WHERE county_code = ? AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1""", county);
            if (done.isEmpty()) {
                d.put("lastCompleted", null);
                down = true;
            } else {
                LocalDateTime at = ((Timestamp) done.get(0).get("finished_at")).toLocalDateTime();
                Duration age = Duration.between(at, LocalDateTime.now());
                d.put("lastCompleted", done.get(0).get("run_id"));
                d.put("ageHours", age.toMinutes() / 60.0);
                if (age.compareTo(maxAge) > 0) down = true;
            }
            Map<String, Object> latest = jdbc.queryForList("SELECT run_id, status, message FROM run WHERE county_code = ? ORDER BY started_at DESC LIMIT 1",
                    county).get(0);
            d.put("latest", latest.get("run_id") + " " + latest.get("status"));
            if ("FAILED".equals(latest.get("status")) || "NEEDS_CONFIRMATION".equals(latest.get("status"))) {
                d.put("message", latest.get("message"));
                down = true;
            }
            details.put(county, d);
        }
        details.put("maxAgeHours", maxAge.toMinutes() / 60.0);
        return (down ? Health.down() : Health.up()).withDetails(details).build();
    }
}
