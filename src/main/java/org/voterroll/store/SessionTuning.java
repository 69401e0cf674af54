package org.voterroll.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sorts and hash joins of a county's resolve, decide and roll steps run over millions of rows; with
 * PostgreSQL's default 4 MB of work memory each of them spills to disk. A step's transaction gets more.
 */
public final class SessionTuning {
    static final String WORK_MEM = "256MB";

    private SessionTuning() {}

    /** Call at the start of a tasklet: lasts until its transaction ends. Nothing to do on the embedded database. */
    public static void forBulkWork(JdbcTemplate jdbc) {
        if (Database.isPostgres(jdbc)) jdbc.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
    }
}
