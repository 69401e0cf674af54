package org.voterroll.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

/**
 * Bulk inserts on a connection and a thread of their own, in one transaction of their own that {@link #commit()} ends:
 * the caller reads and decides while the previous batches are formatted and taken in by the database on the machine's
 * other core (on one connection, reading, formatting and inserting took turns). Its rows are not part of the caller's
 * transaction, so it suits only rows that a rerun of the step deletes first, through {@link #update} here: a deletion
 * left uncommitted in the caller's transaction would make this connection's inserts of the same keys wait for it.
 * Statements and batches run in the order given.
 */
public final class BackgroundCopy implements AutoCloseable {
    /** Batches queued or being inserted at most, so that a slow database holds the caller back instead of its memory. */
    private static final int IN_FLIGHT = 4;

    private final Connection connection;
    private final ExecutorService thread;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private boolean committed;

    private BackgroundCopy(Connection connection, String threadName) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public static BackgroundCopy open(DataSource dataSource, String threadName) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new BackgroundCopy(c, threadName);
    }

    /** A statement on this connection, after everything given before it. */
    public void update(String sql, Object... args) throws SQLException {
        submit(() -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                ps.executeUpdate();
            }
        });
    }

    /** Rows for a table, inserted here a batch at a time. */
    public BufferedCopy into(String table, List<String> columns) {
        return new BufferedCopy(this::write, table, columns, 20_000);
    }

    private void write(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        submit(() -> BufferedCopy.copy(connection, table, columns, rows));
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void submit(Work work) throws SQLException {
        if (committed) throw new IllegalStateException("already committed");
        while (inFlight.size() >= IN_FLIGHT) await(inFlight.poll());
        inFlight.add(thread.submit(() -> {
            work.run();
            return null;
        }));
    }

    /** Waits for everything given, then commits it; a failure of any of it is thrown here or by an earlier call. */
    public void commit() throws SQLException {
        while (!inFlight.isEmpty()) await(inFlight.poll());
        connection.commit();
        committed = true;
    }

    private static void await(Future<?> f) throws SQLException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inserting in the background", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException se) throw se;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("inserting in the background failed", e.getCause());
        }
    }

    /** Without {@link #commit()}: whatever was inserted is rolled back. */
    @Override
    public void close() throws SQLException {
        thread.shutdownNow();
        try (connection) {
            if (!committed) {
                for (Future<?> f : inFlight) f.cancel(true);
                try {
                    thread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                connection.rollback();
            }
        }
    }
}
