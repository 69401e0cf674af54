package org.voterroll.run;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run of a county at a time, across every process and machine sharing the database.
 * <p>
 * On PostgreSQL the lock lives on a connection of its own, opened for the run's life:
 * <ul>
 * <li>PostgreSQL: a session advisory lock {@code pg_try_advisory_lock(20240601, hashtext(schema/county))} (the
 * schema in the key keeps two installations sharing one database apart). When the
 * process dies ({@code kill -9}, reboot) its connection closes and the server drops the lock at once;
 * a database restart drops it too (and the run, which loses its connections, fails and is restarted).</li>
 * <li>the embedded H2 database: a lock inside this process. H2 lets one process open its database file, so no
 * other process can run at all; H2 in server mode (tcp:, AUTO_SERVER) and other databases are refused with a
 * message, since they could be shared without a lock.</li>
 * </ul>
 * Who holds it (run, host, pid, since) is written to {@code county_lock} so that a refused start can say why.
 */
@Component
public class CountyLock {
    private static final Logger log = LoggerFactory.getLogger(CountyLock.class);
    static final int LOCK_CLASS = 20240601;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public CountyLock(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Raised when another run of the county holds the lock. */
    public static class CountyBusyException extends RuntimeException {
        public CountyBusyException(String message) {
            super(message);
        }
    }

    /** The held lock; closing it releases the lock. */
    public final class Held implements AutoCloseable {
        private final String county;
        private final Connection connection;

        Held(String county, Connection connection) {
            this.county = county;
            this.connection = connection;
            if (connection != null) HELD.put(county, connection);
        }

        /** Records which run now works under the lock. */
        public void describe(String runId) {
            jdbc.update("UPDATE county_lock SET run_id = ? WHERE county_code = ?", runId, county);
        }

        @Override
        public void close() {
            try {
                jdbc.update("UPDATE county_lock SET run_id = NULL, owner = NULL, since = NULL WHERE county_code = ?", county);
            } catch (RuntimeException e) {
                log.warn("county {}: clearing the lock's owner: {}", county, e.getMessage());
            }
            if (connection == null) {
                LOCAL.remove(county);
                return;
            }
            HELD.remove(county, connection);
            try {
                if (!connection.isClosed()) {
                    if (connection.getAutoCommit()) {
                        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(current_schema() || '/' || ?))")) {
                            ps.setInt(1, LOCK_CLASS);
                            ps.setString(2, county);
                            ps.execute();
                        }
                    } else {
                        connection.rollback();
                    }
                }
            } catch (SQLException e) {
                log.warn("county {}: releasing the lock: {}", county, e.getMessage());
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the lock goes with the connection
                }
            }
        }
    }

    /** Takes the county's lock or throws {@link CountyBusyException} saying who holds it. Never waits. */
    public Held acquire(String county) {
        Object c = tryLockOrBusy(county);
        if (c == null) throw new CountyBusyException(busyMessage(county));
        Held held = new Held(county, c instanceof Connection conn ? conn : NONE);
        jdbc.update("UPDATE county_lock SET run_id = NULL, owner = ?, since = ? WHERE county_code = ?", owner(),
                Timestamp.valueOf(LocalDateTime.now().withNano(0)), county);
        TestHooks.reach("lock:acquired");
        return held;
    }

    /** The lock connections this process holds, by county: a step checks its own is still alive. */
    private static final java.util.Map<String, Connection> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Throws when this process held the county's lock on a connection that has since been lost (a database restart or
     * a cut): the server dropped the lock with it, another run of the county could start, so this one must not go on.
     */
    public static void requireStillHeld(String county) {
        Connection c = HELD.get(county);
        if (c == null) return;
        boolean alive;
        // the load's partitions begin their steps in parallel threads: one check on the connection at a time
        try {
            synchronized (c) {
                alive = c.isValid(10);
            }
        } catch (SQLException e) {
            alive = false;
        }
        if (!alive) {
            throw new IllegalStateException(org.voterroll.store.ConnectionLoss.reason(null) + "：县 " + county
                    + " 的运行锁随连接一起失去 (the county's run lock went with it)，本次运行就此停止 (the run stops here)");
        }
    }

    /** Whether some process holds the county's lock right now. */
    public boolean isHeld(String county) {
        Object c = tryLockOrBusy(county);
        if (c == null) return true;
        new Held(county, c instanceof Connection conn ? conn : NONE).close();
        return false;
    }

    /** Counties locked by this process when the database is the embedded H2 (see the class comment). */
    private static final java.util.Set<String> LOCAL = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final Connection NONE = null;

    /** The lock's connection (PostgreSQL), {@code NONE} for an in-process lock (H2); null when another holds the lock. */
    private Object tryLockOrBusy(String county) {
        ensureRow(county);
        Connection c = null;
        try {
            c = dataSource.getConnection();
            var meta = c.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase();
            if (!product.contains("postgres")) {
                String url = String.valueOf(meta.getURL()).toUpperCase();
                c.close();
                c = null;
                if (!product.contains("h2") || url.startsWith("JDBC:H2:TCP:") || url.startsWith("JDBC:H2:SSL:") || url.contains("AUTO_SERVER=TRUE")) {
                    throw new IllegalStateException("county " + county + ": the run lock needs PostgreSQL, or the embedded H2 database opened by"
                            + " one process; " + meta.getDatabaseProductName() + " at " + meta.getURL() + " could be shared by several"
                            + " processes without a lock — use PostgreSQL (VOTER_ROLL_DB_URL)");
                }
                return LOCAL.add(county) ? Boolean.TRUE : null;
            }
            c.setAutoCommit(true);
            boolean got;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(current_schema() || '/' || ?))")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, county);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            }
            if (!got) {
                c.close();
                return null;
            }
            return c;
        } catch (SQLException e) {
            if (c != null) try { c.close(); } catch (SQLException ignored) { }
            throw new IllegalStateException("county " + county + ": cannot take the run lock: " + e.getMessage(), e);
        }
    }

    private void ensureRow(String county) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM county_lock WHERE county_code = ?", Integer.class, county);
        if (n != null && n == 0) {
            try {
                jdbc.update("INSERT INTO county_lock (county_code) VALUES (?)", county);
            } catch (org.springframework.dao.DataIntegrityViolationException raced) {
                // another process inserted it first
            }
        }
    }

    private String busyMessage(String county) {
        // the holder writes who it is just after taking the lock: give it a moment
        var rows = jdbc.queryForList("SELECT run_id, owner, since FROM county_lock WHERE county_code = ?", county);
        for (int i = 0; i < 30 && !rows.isEmpty() && (rows.get(0).get("owner") == null || rows.get(0).get("run_id") == null); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            rows = jdbc.queryForList("SELECT run_id, owner, since FROM county_lock WHERE county_code = ?", county);
        }
        String lead = "县 " + county + " 已有一次核对正在运行，本次未启动，同一县不会同时运行两次 (the county is busy: this run was not started): ";
        if (rows.isEmpty()) return lead + "county " + county + " is already being reconciled by another process; not started";
        var r = rows.get(0);
        return lead + "county " + county + " is already being reconciled"
                + (r.get("run_id") == null ? "" : " (run " + r.get("run_id") + ")")
                + (r.get("owner") == null ? " by another process (just starting)" : " by " + r.get("owner") + " since " + r.get("since"))
                + "; this run was not started (never two runs of one county at once)";
    }

    static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return "host " + host + " pid " + ProcessHandle.current().pid();
    }
}
