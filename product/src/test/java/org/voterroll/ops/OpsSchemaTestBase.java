package org.voterroll.ops;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In-process operations tests: one application context on a PostgreSQL schema of their own (ops_app). */
@SpringBootTest(properties = {"voter-roll.guard.min-roll-lines=5"})
@ActiveProfiles("test")
abstract class OpsSchemaTestBase {
    static final String SCHEMA = "ops_app";
    private static boolean fresh;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        synchronized (OpsSchemaTestBase.class) {
            if (!fresh) OpsTestSupport.freshSchema(SCHEMA);
            fresh = true;
        }
        r.add("spring.datasource.url", () -> OpsTestSupport.url(SCHEMA));
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired Purge purge;

    /** Removes every trace of a run (its rows, its persons, its Spring Batch metadata). */
    void forget(String runId) {
        for (String t : jdbc.queryForList("""
                SELECT DISTINCT LOWER(table_name) FROM information_schema.columns WHERE LOWER(column_name) = 'run_id'
                AND table_schema = CURRENT_SCHEMA AND LOWER(table_name) NOT IN ('run', 'snapshot', 'county_lock')""", String.class)) {
            jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", runId);
        }
        jdbc.update("DELETE FROM src_record WHERE snapshot_id IN (SELECT snapshot_id FROM snapshot WHERE run_id = ?)", runId);
        jdbc.update("DELETE FROM snapshot WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM person WHERE first_run_id = ?", runId);
        jdbc.update("DELETE FROM run WHERE run_id = ?", runId);
        purge.purgeBatchMetadata(runId);
    }
}
