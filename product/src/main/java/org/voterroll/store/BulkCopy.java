package org.voterroll.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Bulk insert of many rows into one table on the caller's connection (so it joins the current
 * transaction): PostgreSQL COPY in CSV form; on the embedded H2 a JDBC batch, which runs in-process.
 */
public final class BulkCopy implements AutoCloseable {
    private static final int H2_BATCH = 2000;
    /** Rows are sent to the server in pieces of about this many characters: one CopyData call per row costs a lock and a message. */
    private static final int SEND_AT = 1 << 17;

    private final CopyIn copy;
    private final PreparedStatement insert;
    private final int width;
    private final StringBuilder line = new StringBuilder(SEND_AT + 4096);
    private int pending;
    private long rows;

    private BulkCopy(CopyIn copy, PreparedStatement insert, int width) {
        this.copy = copy;
        this.insert = insert;
        this.width = width;
    }

    public static BulkCopy into(Connection connection, String table, List<String> columns) throws SQLException {
        String cols = String.join(", ", columns);
        if (connection.isWrapperFor(PGConnection.class)) {
            CopyManager manager = connection.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = manager.copyIn("COPY " + table + " (" + cols + ") FROM STDIN WITH (FORMAT csv)");
            return new BulkCopy(in, null, columns.size());
        }
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        return new BulkCopy(null, connection.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")"),
                columns.size());
    }

    /** Values: String, Number, Boolean, LocalDate or null; as many as columns. */
    public void add(Object... values) throws SQLException {
        if (values.length != width) throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        rows++;
        if (copy != null) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) line.append(',');
                appendCsv(line, values[i]);
            }
            line.append('\n');
            if (line.length() >= SEND_AT) send();
        } else {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                insert.setObject(i + 1, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
            }
            insert.addBatch();
            if (++pending == H2_BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

    private void send() throws SQLException {
        byte[] bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        line.setLength(0);
    }

    public long rows() {
        return rows;
    }

    private static void appendCsv(StringBuilder sb, Object v) {
        if (v == null) return;
        // a long, an int and a date written straight into the line: their toString made a String per value
        if (v instanceof Long l) {
            sb.append(l.longValue());
            return;
        }
        if (v instanceof Integer i) {
            sb.append(i.intValue());
            return;
        }
        if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
            return;
        }
        if (v instanceof LocalDate d && d.getYear() >= 1000 && d.getYear() <= 9999) {
            // LocalDate.toString's form for these years: yyyy-MM-dd
            sb.append('"').append(d.getYear()).append('-');
            if (d.getMonthValue() < 10) sb.append('0');
            sb.append(d.getMonthValue()).append('-');
            if (d.getDayOfMonth() < 10) sb.append('0');
            sb.append(d.getDayOfMonth()).append('"');
            return;
        }
        String s = v.toString();
        sb.append('"');
        if (s.indexOf('"') < 0 && s.indexOf(0) < 0) {
            sb.append(s);
        } else {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') sb.append('"');
                if (c != 0) sb.append(c);
            }
        }
        sb.append('"');
    }

    @Override
    public void close() throws SQLException {
        if (copy != null) {
            if (copy.isActive()) {
                if (line.length() > 0) send();
                copy.endCopy();
            }
        } else {
            if (pending > 0) insert.executeBatch();
            insert.close();
        }
    }

    /** Abandons a COPY in progress (on error), so the connection stays usable for the rollback. */
    public void abort() {
        try {
            if (copy != null && copy.isActive()) copy.cancelCopy();
            if (insert != null) insert.close();
        } catch (SQLException ignored) {
            // the transaction is being rolled back anyway
        }
    }

}
