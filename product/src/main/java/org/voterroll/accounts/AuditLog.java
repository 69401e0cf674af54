package org.voterroll.accounts;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

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

    /** One entry as the audit page shows it. */
    public record Entry(LocalDateTime at, String actor, String action, String detail) {
        public String actionLabel() { return org.voterroll.labels.Labels.auditAction(action); }
    }

    /** What the audit page asks for: each filter null for any; {@code from} and {@code to} are whole days, both included. */
    public record Filter(String action, String actor, java.time.LocalDate from, java.time.LocalDate to) {}

    /** One page of entries, newest first, and how many match in all. */
    public record Page(List<Entry> entries, long total, int page, int size) {
        public int pages() { return (int) Math.max(1, (total + size - 1) / size); }
    }

    private static final String MATCHING = """
            FROM audit_log
            WHERE (CAST(? AS VARCHAR(40)) IS NULL OR action = ?)
              AND (CAST(? AS VARCHAR(100)) IS NULL OR actor = ?)
              AND (CAST(? AS TIMESTAMP) IS NULL OR at >= ?)
              AND (CAST(? AS TIMESTAMP) IS NULL OR at < ?)""";

    /** Page {@code page} (from 1) of the entries the filter matches. */
    public Page search(Filter f, int page, int size) {
        Timestamp from = f.from() == null ? null : Timestamp.valueOf(f.from().atStartOfDay());
        Timestamp until = f.to() == null ? null : Timestamp.valueOf(f.to().plusDays(1).atStartOfDay());
        Object[] args = {f.action(), f.action(), f.actor(), f.actor(), from, from, until, until};
        Long total = jdbc.queryForObject("SELECT COUNT(*) " + MATCHING, Long.class, args);
        int p = Math.max(1, page);
        Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
        paged[args.length] = size;
        paged[args.length + 1] = (long) (p - 1) * size;
        List<Entry> entries = jdbc.query("SELECT at, actor, action, detail " + MATCHING + " ORDER BY audit_id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Entry(rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"), rs.getString("action"), rs.getString("detail")),
                paged);
        return new Page(entries, total == null ? 0 : total, p, size);
    }
}
