package org.voterroll.province;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * One manager per province run at a time, across every process and machine sharing the database (issue 21): a second
 * {@code province --restart ID} while the first manager still polls, or still runs the checks, would otherwise mark the
 * living run failed (JobOperator.recover) and run it twice.
 * <p>
 * As the county lock (run.CountyLock): on PostgreSQL a session advisory lock on a connection of its own, held for the
 * manager's life and dropped by the server when the process dies; its connection's {@code application_name} names the
 * holder, so that a refused manager can say who holds it. On the embedded H2 (one process per database file) a lock
 * inside this process.
 */
@Component
public class ProvinceLock {
    /** Another class than the county lock's, so that a province run id and a county code never share a key. */
    static final int LOCK_CLASS = 20261205;
    private static final Set<String> LOCAL = ConcurrentHashMap.newKeySet();

    private final DataSource dataSource;

    public ProvinceLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Raised when another manager holds the province run; busy as a county is (the command exits 3). */
    public static class ProvinceRunBusyException extends org.voterroll.run.CountyLock.CountyBusyException {
        public ProvinceRunBusyException(String message) {
            super(message);
        }
    }

    /** The held lock; closing it releases it. */
    public final class Held implements AutoCloseable {
        private final String provinceRunId;
        private final Connection connection;

        private Held(String provinceRunId, Connection connection) {
            this.provinceRunId = provinceRunId;
            this.connection = connection;
        }

        @Override
        public void close() {
            if (connection == null) {
                LOCAL.remove(provinceRunId);
                return;
            }
            try {
                connection.close(); // the session's advisory lock goes with it
            } catch (SQLException ignored) {
                // closed already: the lock is gone either way
            }
        }
    }

    /** Takes the province run's lock, or throws {@link ProvinceRunBusyException} naming its holder. Never waits. */
    public Held acquire(String provinceRunId) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                c.close();
                if (!LOCAL.add(provinceRunId)) throw new ProvinceRunBusyException(busy(provinceRunId, "this process"));
                return new Held(provinceRunId, null);
            }
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                ps.setString(1, truncate("voter-roll manager " + owner(), 63));
                ps.execute();
            }
            boolean got;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(current_schema() || '/' || ?))")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, provinceRunId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            }
            if (!got) {
                String holder = holder(c, provinceRunId);
                c.close();
                throw new ProvinceRunBusyException(busy(provinceRunId, holder));
            }
            return new Held(provinceRunId, c);
        } catch (SQLException e) {
            if (c != null) try { c.close(); } catch (SQLException ignored) { }
            throw new IllegalStateException("province run " + provinceRunId + ": cannot take the manager's lock: " + e.getMessage(), e);
        }
    }

    private static String holder(Connection c, String provinceRunId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.application_name, a.client_addr, a.backend_start
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::int4::oid
                  AND l.objid = hashtext(current_schema() || '/' || ?)::oid AND l.objsubid = 2""")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, provinceRunId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return "another manager (which has just ended or is starting)";
                String name = rs.getString(1);
                String who = name == null || name.isBlank() ? "another manager" : name.replaceFirst("^voter-roll manager ", "");
                return who + (rs.getString(2) == null ? "" : " from " + rs.getString(2)) + " since " + rs.getTimestamp(3).toLocalDateTime().withNano(0);
            }
        }
    }

    private static String busy(String provinceRunId, String holder) {
        return "province run " + provinceRunId + " is already being managed by " + holder
                + "; not started (never two managers of one province run at once: wait for it to end, or stop that process, then restart)";
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return "pid " + ProcessHandle.current().pid() + " host " + host;
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
