package org.voterroll.store;

import org.springframework.jdbc.core.JdbcTemplate;

/** Which of the two supported databases a template talks to: PostgreSQL (the system of record) or the embedded H2. */
public final class Database {
    private Database() {}

    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> isPostgres(c)));
    }

    public static boolean isPostgres(java.sql.Connection c) throws java.sql.SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }
}
