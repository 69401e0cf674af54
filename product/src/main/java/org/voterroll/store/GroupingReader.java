package org.voterroll.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads a stream ordered by a key as groups of consecutive rows of one key: each group is handed over whole, once its
 * last row is read, with its head (what its first row says of the group) and its rows. Only one group is held in memory,
 * so a sorted stream of millions of rows is read in one pass. Used as a query's row handler, then {@link #finish()}
 * after the query (or {@link #read}, which does both).
 *
 * @param <K> the key: consecutive rows of equal keys ({@link Objects#equals}) are one group
 * @param <H> the group's head, read from its first row
 * @param <R> a row of the group
 */
public final class GroupingReader<K, H, R> implements RowCallbackHandler {
    /** One value read from the current row. */
    @FunctionalInterface
    public interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** What is done with a whole group. */
    @FunctionalInterface
    public interface Group<H, R> {
        void accept(H head, List<R> rows) throws SQLException;
    }

    private final Column<K> key;
    private final Column<H> head;
    private final Column<R> row;
    private final Group<H, R> group;
    private List<R> rows = new ArrayList<>();
    private K currentKey;
    private H currentHead;

    private GroupingReader(Column<K> key, Column<H> head, Column<R> row, Group<H, R> group) {
        this.key = key;
        this.head = head;
        this.row = row;
        this.group = group;
    }

    /** Groups whose head is read from their first row. */
    public static <K, H, R> GroupingReader<K, H, R> of(Column<K> key, Column<H> head, Column<R> row, Group<H, R> group) {
        return new GroupingReader<>(key, head, row, group);
    }

    /** Groups whose head is their key. */
    public static <K, R> GroupingReader<K, K, R> byKey(Column<K> key, Column<R> row, Group<K, R> group) {
        return new GroupingReader<>(key, key, row, group);
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        K k = key.read(rs);
        if (rows.isEmpty() || !Objects.equals(k, currentKey)) {
            finish();
            currentKey = k;
            currentHead = head.read(rs);
        }
        rows.add(row.read(rs));
    }

    /** Hands over the last group; after the stream's last row. */
    public void finish() throws SQLException {
        if (rows.isEmpty()) return;
        List<R> whole = rows;
        rows = new ArrayList<>();
        group.accept(currentHead, whole);
    }

    /** Runs the query through this reader and hands over its last group. */
    public void read(JdbcTemplate jdbc, String sql, Object... args) throws SQLException {
        jdbc.query(sql, this, args);
        finish();
    }

    /** Reads the rest of a result set through this reader and hands over its last group. */
    public void readAll(ResultSet rs) throws SQLException {
        while (rs.next()) processRow(rs);
        finish();
    }
}
