package org.voterroll.run;

import org.voterroll.Examples;
import org.voterroll.ops.OpsTestSupport;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two JVMs start a run of the same county at the same moment against one database: exactly one runs (and
 * completes), the other exits 3 saying that the county is already being reconciled, by which run and process.
 * The winner waits at the start of its resolve step until the loser has finished, so the two certainly overlap.
 */
class CountyLockTest {
    static final Duration LIMIT = Duration.ofSeconds(120);
    @TempDir Path tmp;

    @org.junit.jupiter.api.AfterEach
    void noChildLeftBehind() {
        OpsTestSupport.killChildren();
    }

    @Test
    void twoJvmsOneCountyExactlyOneRuns() throws Exception {
        exactlyOneRuns("ops_lock", tmp, (props, args) -> new OpsTestSupport.Child("ops_lock", props, args));
    }

    /** How a test starts the application in a JVM of its own: on the test classpath, or the packaged jar. */
    interface Launcher {
        OpsTestSupport.Child start(Map<String, String> props, String... args) throws Exception;
    }

    /** Returns the child that ran. */
    static OpsTestSupport.Child exactlyOneRuns(String schema, Path tmp, Launcher launcher) throws Exception {
        OpsTestSupport.freshSchema(schema);
        // migrate the schema first so that neither child spends its start on it
        var migrate = launcher.start(Map.of(), "runs");
        assertThat(migrate.exit(LIMIT)).as(migrate.output()).isZero();

        Path release = tmp.resolve("release");
        Map<String, String> props = Map.of("voter-roll.test.pause-at", "before:resolve", "voter-roll.test.release-file", release.toString());
        String county = Examples.DIR.resolve("county").toAbsolutePath().toString(), inbox = Examples.DIR.resolve("inbox").toAbsolutePath().toString();
        var a = launcher.start(props, "reconcile", "--county", county, "--inbox", inbox, "--out", tmp.resolve("a").toString());
        var b = launcher.start(props, "reconcile", "--county", county, "--inbox", inbox, "--out", tmp.resolve("b").toString());

        // the loser exits on its own; the winner waits at before:resolve
        long end = System.nanoTime() + LIMIT.toNanos();
        while (a.process.isAlive() && b.process.isAlive() && System.nanoTime() < end) Thread.sleep(100);
        var loser = a.process.isAlive() ? b : a;
        var winner = loser == a ? b : a;
        assertThat(loser.exit(LIMIT)).as(loser.output()).isEqualTo(3);
        assertThat(loser.output()).containsPattern("error: 县 341299 已有一次核对正在运行，本次未启动.*: county 341299 is already being reconciled \\(run 341299-\\d{8}-\\d{6}\\) by host \\S+ pid "
                + winner.process.pid() + " since .*; this run was not started");
        winner.awaitLine("PAUSED at before:resolve", LIMIT);
        Files.createFile(release);
        assertThat(winner.exit(LIMIT)).as(winner.output()).isZero();

        JdbcTemplate db = OpsTestSupport.jdbc(schema);
        List<Map<String, Object>> runs = db.queryForList("SELECT run_id, status FROM run");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("status")).isEqualTo("COMPLETED");
        assertThat(winner.output()).contains("run " + runs.get(0).get("run_id") + " completed");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM batch_job_execution", Long.class)).isEqualTo(1L);
        // and once the winner is done the county is free again
        assertThat(a.process.waitFor(1, TimeUnit.SECONDS) && b.process.waitFor(1, TimeUnit.SECONDS)).isTrue();
        return winner;
    }
}
