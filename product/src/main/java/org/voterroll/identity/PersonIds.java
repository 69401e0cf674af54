package org.voterroll.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stable ids of a county's persons for identity resolution's number phase, which meets the numbers in byte order:
 * the county's known persons are streamed once beside it, in the same order, on a connection of their own (they were
 * committed by earlier runs), and a person met for the first time takes the next id of a block of the
 * {@code person_ids} sequence (V9). Looking each key up, or joining person into the records' sort, cost a round trip
 * per number or a join of a million rows ahead of the sort.
 */
final class PersonIds implements AutoCloseable {
    /** The sequence's INCREMENT BY (V9): each value it gives is the first of this many ids. */
    static final int BLOCK = 1000;

    private final JdbcTemplate jdbc;
    private final Connection connection;
    private final PreparedStatement query;
    private final ResultSet known;
    private String key;
    private long id;
    private long nextFree;
    private int leftInBlock;

    /**
     * @param jdbc      takes blocks of new ids (a sequence is outside transactions: a failed run leaves a gap)
     * @param byteOrder the collation clause that orders keys as the number phase orders numbers (SessionTuning)
     */
    PersonIds(DataSource dataSource, JdbcTemplate jdbc, String countyCode, String byteOrder) throws SQLException {
        this.jdbc = jdbc;
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false); // PostgreSQL fetches in pieces only inside a transaction
            query = connection.prepareStatement("SELECT person_key, person_id FROM person WHERE county_code = ? ORDER BY person_key"
                    + byteOrder);
            query.setFetchSize(10_000);
            query.setString(1, countyCode);
            known = query.executeQuery();
            advance();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The known persons whose key is this number or this number with a name (重号), by key; numbers must be asked for
     * in ascending byte order. The map is the caller's to add new persons to.
     */
    Map<String, Long> known(String number) throws SQLException {
        Map<String, Long> ids = new HashMap<>(4);
        while (key != null && numberOf(key).compareTo(number) < 0) advance();
        while (key != null && numberOf(key).equals(number)) {
            ids.put(key, id);
            advance();
        }
        return ids;
    }

    /** A new person's id. */
    long next() {
        if (leftInBlock == 0) {
            nextFree = jdbc.queryForObject("SELECT nextval('person_ids')", Long.class);
            leftInBlock = BLOCK;
        }
        leftInBlock--;
        return nextFree++;
    }

    /** The number a person key is made of: the number itself, or {@code number#name} for one of two people sharing it. */
    static String numberOf(String personKey) {
        int hash = personKey.indexOf('#');
        return hash < 0 ? personKey : personKey.substring(0, hash);
    }

    private void advance() throws SQLException {
        if (known.next()) {
            key = known.getString(1);
            id = known.getLong(2);
        } else {
            key = null;
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection; query; known) {
            connection.rollback();
        }
    }
}
