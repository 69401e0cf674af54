package org.voterroll.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sorts and hash joins of a county's resolve, decide and roll steps run over millions of rows; with
 * PostgreSQL's default 4 MB of work memory each of them spills to disk. A step's transaction gets more.
 */
public final class SessionTuning {
    static final String WORK_MEM = "256MB";

    private SessionTuning() {}

    /**
     * A sort of whole records (1.6M rows of 200 bytes at 1M people) is faster in small runs merged from disk than in
     * one large sort: 3.7 s with 4–16 MB, 4.6 s with 64 MB, 6.8 s with 1 GB in memory (EXPLAIN ANALYZE, docs/benchmarks.md).
     */
    static final String WIDE_SORT_MEM = "16MB";

    /** Call at the start of a tasklet: lasts until its transaction ends. Nothing to do on the embedded database. */
    public static void forBulkWork(JdbcTemplate jdbc) {
        if (Database.isPostgres(jdbc)) jdbc.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
    }

    /** Runs one query that sorts whole records with {@link #WIDE_SORT_MEM}, then goes back to {@link #forBulkWork}. */
    public static void forWideSort(JdbcTemplate jdbc, Runnable query) {
        withSetting(jdbc, "work_mem", "'" + WIDE_SORT_MEM + "'", "'" + WORK_MEM + "'", query);
    }

    /**
     * Runs one statement that must not be planned as a nested loop. A working table filled within the transaction can
     * carry statistics from before the fill; a semi-join of the few-looking side against 1.6M links without an index
     * then becomes a scan of all links per row (seen: a second night's run stuck for 13 minutes in one DELETE).
     */
    public static void withoutNestedLoops(JdbcTemplate jdbc, Runnable statement) {
        withSetting(jdbc, "enable_nestloop", "off", "on", statement);
    }

    /** Runs {@code work} with a planner setting of the transaction at {@code during}, then sets it to {@code after}. */
    private static void withSetting(JdbcTemplate jdbc, String setting, String during, String after, Runnable work) {
        boolean postgres = Database.isPostgres(jdbc);
        if (postgres) jdbc.execute("SET LOCAL " + setting + " = " + during);
        try {
            work.run();
        } finally {
            if (postgres) jdbc.execute("SET LOCAL " + setting + " = " + after);
        }
    }

    /**
     * The collation clause that orders identifiers (numbers, person keys) byte by byte. A database created with a
     * libc locale such as C.UTF-8 compares text through the C library; a sort of 1.6M numbers took 6–12 s that way
     * and 3.7 s in byte order. Grouping needs equal values together, not a linguistic order. Empty on H2.
     */
    public static String byteOrder(JdbcTemplate jdbc) {
        return Database.isPostgres(jdbc) ? " COLLATE \"C\"" : "";
    }
}
