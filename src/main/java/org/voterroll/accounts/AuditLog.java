package org.voterroll.accounts;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who did what and when: logins, decisions, downloads, account changes. Details name items and runs, never identity numbers. */
@Component
public class AuditLog {
    public static final String LOGIN = "LOGIN", LOGIN_FAILED = "LOGIN_FAILED", LOGOUT = "LOGOUT", DECISION = "DECISION",
            DOWNLOAD = "DOWNLOAD", DENIED = "DENIED", ACCOUNT = "ACCOUNT", RUN = "RUN";

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String detail) {
        jdbc.update("INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                Timestamp.valueOf(LocalDateTime.now()), actor == null ? "-" : actor, action,
                detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail);
    }

    public List<Map<String, Object>> recent(int limit) {
        return jdbc.queryForList("SELECT at, actor, action, detail FROM audit_log ORDER BY audit_id DESC LIMIT ?", limit);
    }
}
