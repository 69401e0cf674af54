package org.voterroll.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes the planner's statistics of tables that a step has just filled in bulk: without them
 * PostgreSQL plans joins over millions of fresh rows as if the tables were empty.
 */
public final class Statistics {
    private Statistics() {}

    public static void refresh(JdbcTemplate jdbc, String... tables) {
        String analyze = Database.isPostgres(jdbc) ? "ANALYZE " : "ANALYZE TABLE ";
        for (String t : tables) jdbc.execute(analyze + t);
    }
}
