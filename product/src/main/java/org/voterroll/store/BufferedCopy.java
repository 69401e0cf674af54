package org.voterroll.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rows and bulk-inserts them in batches: by default between the fetches of a streaming query on the same
 * connection (a COPY cannot run while a cursor is fetching, but can between fetches), or through another sink such as
 * a {@link BackgroundCopy}.
 */
public final class BufferedCopy implements AutoCloseable {
    /** Where a full batch goes; it may keep the list. */
    @FunctionalInterface
    interface Sink {
        void write(String table, List<String> columns, List<Object[]> rows) throws SQLException;
    }

    private final Sink sink;
    private final String table;
    private final List<String> columns;
    private final int batch;
    private List<Object[]> rows;
    private long total;

    BufferedCopy(Sink sink, String table, List<String> columns, int batch) {
        this.sink = sink;
        this.table = table;
        this.columns = columns;
        this.batch = batch;
        this.rows = new ArrayList<>(batch);
    }

    public BufferedCopy(Connection connection, String table, List<String> columns, int batch) {
        this((t, cols, rs) -> copy(connection, t, cols, rs), table, columns, batch);
    }

    public BufferedCopy(Connection connection, String table, List<String> columns) {
        this(connection, table, columns, 20_000);
    }

    static void copy(Connection connection, String table, List<String> columns, List<Object[]> rows) throws SQLException {
        try (BulkCopy copy = BulkCopy.into(connection, table, columns)) {
            for (Object[] r : rows) copy.add(r);
        }
    }

    public void add(Object... values) throws SQLException {
        rows.add(values);
        total++;
        if (rows.size() >= batch) flush();
    }

    public void flush() throws SQLException {
        if (rows.isEmpty()) return;
        List<Object[]> full = rows;
        rows = new ArrayList<>(batch);
        sink.write(table, columns, full);
    }

    public long total() {
        return total;
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
