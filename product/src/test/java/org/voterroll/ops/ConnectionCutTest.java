package org.voterroll.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.Examples;

/**
 * The database connections cut under a running job (issue 24), in a real child JVM against the real PostgreSQL: what a
 * PostgreSQL restart or a network cut does to the run, without restarting the server others share. Every backend of
 * the child — found by an application name of its own on the test database only — is terminated with
 * {@code pg_terminate_backend} while the run waits at the start of its decide step, then either again and again for
 * three seconds as it goes on, or not again (the pool reconnects by itself). The county's lock went with its
 * connection, so the run must not go on as if nothing happened: it fails with a message that says what happened and how to finish it, and {@code restart RUN_ID}
 * finishes it with every output file byte for byte as an undisturbed run's (same pinned clock, a schema each).
 */
class ConnectionCutTest {
    static final String RUN_ID = "341299-20261201-020000";
    static final Duration LIMIT = Duration.ofSeconds(300);
    static final String APP = "vr_pgcut";
    static final Map<String, String> CLOCK = Map.of("voter-roll.test.fixed-clock", "2026-12-01T02:00:00");

    @TempDir Path tmp;

    @AfterEach
    void noChildLeftBehind() {
        OpsTestSupport.killChildren();
    }

    @Test
    void connectionsCutMidRunFailTheRunWithAClearMessageAndRestartGivesTheUndisturbedFiles() throws Exception {
        String output = cutAndRestart("ops_pg_run", true);
        assertThat(output).contains("与数据库的连接中断");
    }

    /**
     * Cut once while the run waits: the pool opens fresh connections and the run could go on — but the county's lock
     * went with its connection and another run of the county could start, so the next step refuses to begin.
     */
    @Test
    void aRunWhoseLockWentWithItsConnectionStopsEvenWhenThePoolReconnects() throws Exception {
        String output = cutAndRestart("ops_pg_once", false);
        assertThat(output).contains("县 341299 的运行锁随连接一起失去 (the county's run lock went with it)，本次运行就此停止");
    }

    /** Runs the county undisturbed and cut at before:decide, restarts the cut one; returns the cut run's output. */
    private String cutAndRestart(String schema, boolean keepCutting) throws Exception {
        String refSchema = schema + "_ref";
        OpsTestSupport.freshSchema(refSchema);
        OpsTestSupport.freshSchema(schema);
        String county = Examples.DIR.resolve("county").toString(), inbox = Examples.DIR.resolve("inbox").toString();
        Path refOut = tmp.resolve("ref"), runOut = tmp.resolve("run"), release = tmp.resolve("release");

        var reference = new OpsTestSupport.Child(refSchema, CLOCK, "reconcile", "--county", county, "--inbox", inbox, "--out", refOut.toString());
        assertThat(reference.exit(LIMIT)).as(reference.output()).isZero();

        Map<String, String> props = new HashMap<>(CLOCK);
        props.put("spring.datasource.url", OpsTestSupport.url(schema) + "&ApplicationName=" + APP);
        props.put("voter-roll.test.pause-at", "before:decide");
        props.put("voter-roll.test.release-file", release.toString());
        var run = new OpsTestSupport.Child(schema, props, "reconcile", "--county", county, "--inbox", inbox, "--out", runOut.toString());
        run.awaitLine("PAUSED at before:decide", LIMIT);

        JdbcTemplate admin = OpsTestSupport.jdbc("public");
        assertThat(terminate(admin)).as("the child holds connections to cut").isPositive();
        Files.createFile(release);
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (keepCutting && System.nanoTime() < end && run.process.isAlive()) {
            terminate(admin);
            Thread.sleep(20);
        }
        assertThat(run.exit(LIMIT)).as(run.output()).isEqualTo(1);
        // what the operator reads last: what happened and the command that finishes the run
        List<String> lines = run.output().lines().toList();
        String last = String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        assertThat(last).as(run.output()).contains("与数据库的连接中断").contains("restart " + RUN_ID);
        assertThat(runOut.resolve(RUN_ID)).as("nothing published by the cut run").doesNotExist();

        var restart = new OpsTestSupport.Child(schema, CLOCK, "restart", RUN_ID);
        assertThat(restart.exit(LIMIT)).as(restart.output()).isZero();
        assertThat(restart.output()).contains("run " + RUN_ID + " completed");

        ResilienceTest.assertSameFiles(refOut.resolve(RUN_ID), runOut.resolve(RUN_ID));
        JdbcTemplate db = OpsTestSupport.jdbc(schema), ref = OpsTestSupport.jdbc(refSchema);
        for (String sql : List.of("SELECT COUNT(*) FROM src_record", "SELECT COUNT(*) FROM roll_line", "SELECT COUNT(*) FROM book_line",
                "SELECT COUNT(*) FROM exception_item", "SELECT COUNT(*) FROM reject")) {
            assertThat(db.queryForObject(sql, Long.class)).as(sql).isEqualTo(ref.queryForObject(sql, Long.class));
        }
        assertThat(db.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, RUN_ID)).isEqualTo("COMPLETED");
        return run.output();
    }

    /** Terminates every backend of the child (its application name, on this test database only); how many. */
    private static int terminate(JdbcTemplate admin) {
        List<Boolean> done = admin.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?"
                + " AND datname = current_database() AND pid <> pg_backend_pid()", Boolean.class, APP);
        return (int) done.stream().filter(Boolean.TRUE::equals).count();
    }
}
