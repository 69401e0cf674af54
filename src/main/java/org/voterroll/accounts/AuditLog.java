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
            DOWNLOAD = "DOWNLOAD", DENIED = "DENIED", ACCOUNT = "ACCOUNT", RUN = "RUN", SESSION_ENDED = "SESSION_ENDED",
            LOCKOUT = "LOCKOUT";

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * 15 to 18 characters that look like an identity number (a typed login name, a path someone made up), standing alone:
     * not a stretch of digits inside a SHA-256.
     */
    public static final java.util.regex.Pattern NUMBER_LIKE = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])\\d{14,17}[\\dXx](?![0-9A-Za-z])");

    public void record(String actor, String action, String detail) {
        String a = actor == null ? "-" : clean(actor);
        String d = detail == null ? null : clean(detail);
        jdbc.update("INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                Timestamp.valueOf(LocalDateTime.now()), a.length() > 100 ? a.substring(0, 100) : a,
                action, d == null ? null : d.length() > 2000 ? d.substring(0, 2000) : d);
    }

    /** The audit log never keeps an identity number, whatever was typed or requested. */
    static String clean(String s) {
        return NUMBER_LIKE.matcher(s).replaceAll("[号码已隐去]");
    }

    public List<Map<String, Object>> recent(int limit) {
        return jdbc.queryForList("SELECT at, actor, action, detail FROM audit_log ORDER BY audit_id DESC LIMIT ?", limit);
    }
}
