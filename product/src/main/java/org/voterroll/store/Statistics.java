package org.voterroll.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes the planner's statistics of tables that a step has just filled in bulk: without them
 * PostgreSQL plans joins over millions of fresh rows as if the tables were empty.
 */
public final class Statistics {
    private Statistics() {}

    public static void refresh(JdbcTemplate jdbc, String... tables) {
        jdbc.execute((java.sql.Connection c) -> {
            refresh(c, tables);
            return null;
        });
    }

    /** {@link #refresh(JdbcTemplate, String...)} on a connection of one's own (temporary tables live on it). */
    public static void refresh(java.sql.Connection c, String... tables) throws java.sql.SQLException {
        String analyze = Database.isPostgres(c) ? "ANALYZE " : "ANALYZE TABLE ";
        try (java.sql.Statement s = c.createStatement()) {
            for (String t : tables) s.execute(analyze + t);
        }
    }
}
