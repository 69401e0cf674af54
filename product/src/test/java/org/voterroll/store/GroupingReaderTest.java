package org.voterroll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GroupingReaderTest {
    private static final String ROWS = """
            SELECT * FROM (VALUES ('a', 1, 'first a'), ('a', 2, 'second a'), ('b', 3, 'only b'), ('a', 4, 'a again'))
            AS t(k, n, head) ORDER BY n""";

    private record Seen(String head, List<Integer> rows) {}

    private static List<Seen> read(String sql) throws SQLException {
        List<Seen> seen = new ArrayList<>();
        GroupingReader<String, String, Integer> groups = GroupingReader.of(rs -> rs.getString("k"), rs -> rs.getString("head"),
                rs -> rs.getInt("n"), (head, rows) -> seen.add(new Seen(head, List.copyOf(rows))));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:grouping"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            groups.readAll(rs);
        }
        return seen;
    }

    @Test
    void consecutiveRowsOfOneKeyAreOneGroupHeadedByItsFirstRow() throws SQLException {
        // a key met again after another is a new group: the reader groups a stream ordered by its key, it does not sort
        assertThat(read(ROWS)).containsExactly(new Seen("first a", List.of(1, 2)), new Seen("only b", List.of(3)),
                new Seen("a again", List.of(4)));
    }

    @Test
    void anEmptyStreamHasNoGroup() throws SQLException {
        assertThat(read(ROWS.replace("ORDER BY n", "WHERE n > 9"))).isEmpty();
    }

    @Test
    void nullKeysGroupTogether() throws SQLException {
        List<List<Integer>> seen = new ArrayList<>();
        GroupingReader<String, String, Integer> groups = GroupingReader.byKey(rs -> rs.getString(1), rs -> rs.getInt(2),
                (key, rows) -> seen.add(List.copyOf(rows)));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:grouping"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM (VALUES (NULL, 1), (NULL, 2), ('x', 3)) AS t(k, n) ORDER BY n")) {
            groups.readAll(rs);
        }
        assertThat(seen).containsExactly(List.of(1, 2), List.of(3));
    }

    @Test
    void aGroupsFailureReachesTheReader() {
        GroupingReader<String, String, Integer> groups = GroupingReader.byKey(rs -> rs.getString("k"), rs -> rs.getInt("n"),
                (key, rows) -> {
                    throw new SQLException("group " + key);
                });
        assertThatThrownBy(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:grouping"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(ROWS)) {
                groups.readAll(rs);
            }
        }).isInstanceOf(SQLException.class).hasMessage("group a");
    }
}
