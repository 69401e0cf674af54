package org.voterroll.ops;

import org.voterroll.Examples;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run killed with SIGKILL (a real separate JVM, Process.destroyForcibly) at four points — in the middle
 * of the load step (one source's partition committed, the step not finished), after resolve's work is
 * committed but before the step is recorded, after roll, and in publish with the hidden directory fully
 * written but not moved — then finished by {@code restart RUN_ID} (which recovers the execution left STARTED),
 * gives every output file byte for byte as an uninterrupted run on the same inputs.
 * <p>
 * Both runs use the same pinned clock ({@code voter-roll.test.fixed-clock}), hence the same run id and times
 * in summary.json; each has a database schema of its own.
 */
class KillRestartTest {
    static final Map<String, String> CLOCK = Map.of("voter-roll.test.fixed-clock", "2026-12-01T02:00:00");
    static final String RUN_ID = "341299-20261201-020000";
    static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir Path tmp;

    @org.junit.jupiter.api.AfterEach
    void noChildLeftBehind() {
        OpsTestSupport.killChildren();
    }

    @Test
    void killedAtFourPointsAndRestartedGivesTheSameFilesAsAnUninterruptedRun() throws Exception {
        OpsTestSupport.freshSchema("ops_kill_ref");
        OpsTestSupport.freshSchema("ops_kill_run");
        String county = Examples.DIR.resolve("county").toString(), inbox = Examples.DIR.resolve("inbox").toString();
        Path refOut = tmp.resolve("ref"), runOut = tmp.resolve("run");

        var reference = new OpsTestSupport.Child("ops_kill_ref", CLOCK, "reconcile", "--county", county, "--inbox", inbox, "--out", refOut.toString());
        var first = new OpsTestSupport.Child("ops_kill_run", with("after:loadSource:source-huji"),
                "reconcile", "--county", county, "--inbox", inbox, "--out", runOut.toString());
        killAt(first, "after:loadSource:source-huji");
        assertThat(reference.exit(LIMIT)).as(reference.output()).isZero();

        JdbcTemplate db = OpsTestSupport.jdbc("ops_kill_run");
        for (String point : List.of("after:resolve", "after:roll", "publish:before-move")) {
            assertLeftRunning(db);
            killAt(new OpsTestSupport.Child("ops_kill_run", with(point), "restart", RUN_ID), point);
        }
        assertLeftRunning(db);
        assertThat(runOut.resolve("." + RUN_ID + ".partial")).as("publish was killed after writing the hidden directory").isDirectory();

        var last = new OpsTestSupport.Child("ops_kill_run", CLOCK, "restart", RUN_ID);
        assertThat(last.exit(LIMIT)).as(last.output()).isZero();
        assertThat(last.output()).contains("run " + RUN_ID + " completed");

        Map<String, byte[]> expected = OpsTestSupport.tree(refOut.resolve(RUN_ID));
        Map<String, byte[]> actual = OpsTestSupport.tree(runOut.resolve(RUN_ID));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(expected).containsKeys("rolls/341299100-02.csv", "summary.json", "report.html", "SHA256SUMS", "exceptions.csv");
        List<String> differing = expected.keySet().stream().sorted().filter(f -> !java.util.Arrays.equals(actual.get(f), expected.get(f))).toList();
        assertThat(differing).as(() -> differing.isEmpty() ? "" : "first differing file " + differing.get(0) + ":\n--- uninterrupted\n"
                + new String(expected.get(differing.get(0)), java.nio.charset.Charset.forName("GB18030")) + "\n--- restarted\n"
                + new String(actual.get(differing.get(0)), java.nio.charset.Charset.forName("GB18030"))).isEmpty();
        try (var s = Files.list(runOut)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).as("nothing half-written left").containsExactly(RUN_ID);
        }

        // nothing duplicated in the database either, and no execution left STARTED
        JdbcTemplate ref = OpsTestSupport.jdbc("ops_kill_ref");
        for (String sql : List.of("SELECT COUNT(*) FROM src_record", "SELECT COUNT(*) FROM roll_line", "SELECT COUNT(*) FROM book_line",
                "SELECT COUNT(*) FROM person", "SELECT COUNT(*) FROM exception_item", "SELECT COUNT(*) FROM reject")) {
            assertThat(db.queryForObject(sql, Long.class)).as(sql).isEqualTo(ref.queryForObject(sql, Long.class));
        }
        assertThat(db.queryForList("SELECT status FROM batch_job_execution ORDER BY job_execution_id", String.class))
                .containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "COMPLETED");
        assertThat(db.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, RUN_ID)).isEqualTo("COMPLETED");
    }

    private static Map<String, String> with(String pauseAt) {
        return Map.of("voter-roll.test.fixed-clock", "2026-12-01T02:00:00", "voter-roll.test.pause-at", pauseAt);
    }

    private static void killAt(OpsTestSupport.Child child, String point) throws InterruptedException {
        child.awaitLine("PAUSED at " + point, LIMIT);
        child.kill();
    }

    /** The killed process left its traces: run RUNNING, job execution STARTED (what a crash leaves). */
    private static void assertLeftRunning(JdbcTemplate db) {
        assertThat(db.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, RUN_ID)).isEqualTo("RUNNING");
        assertThat(db.queryForObject("SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC LIMIT 1", String.class))
                .isEqualTo("STARTED");
    }
}
