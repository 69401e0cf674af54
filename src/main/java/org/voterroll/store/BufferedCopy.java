package org.voterroll.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rows and bulk-inserts them in batches between the fetches of a streaming query on the same
 * connection (a COPY cannot run while a cursor is fetching, but can between fetches).
 */
public final class BufferedCopy implements AutoCloseable {
    private final Connection connection;
    private final String table;
    private final List<String> columns;
    private final int batch;
    private final List<Object[]> rows;
    private long total;

    public BufferedCopy(Connection connection, String table, List<String> columns, int batch) {
        this.connection = connection;
        this.table = table;
        this.columns = columns;
        this.batch = batch;
        this.rows = new ArrayList<>(batch);
    }

    public BufferedCopy(Connection connection, String table, List<String> columns) {
        this(connection, table, columns, 20_000);
    }

    public void add(Object... values) throws SQLException {
        rows.add(values);
        total++;
        if (rows.size() >= batch) flush();
    }

    public void flush() throws SQLException {
        if (rows.isEmpty()) return;
        try (BulkCopy copy = BulkCopy.into(connection, table, columns)) {
            for (Object[] r : rows) copy.add(r);
        }
        rows.clear();
    }

    public long total() {
        return total;
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
