package org.voterroll.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.Examples;

/**
 * What the night survives besides a bad delivery (issue 24), each in real child JVMs against the real PostgreSQL:
 * <ul>
 * <li>the database connections cut under a running job (every backend of the child terminated, again and again,
 * as a PostgreSQL restart or a network cut does): the run fails with a message that says to restart (or rides it
 * out on fresh connections), and {@code restart RUN_ID} finishes it with every output file as an undisturbed run's;</li>
 * <li>a run of the 3,000-person sample county in a JVM of 256 MB heap: it completes, with the files of a 512 MB run.</li>
 * </ul>
 * Two JVMs starting one county at the same instant: {@link CountyLockTest}.
 */
class ResilienceTest {
    static final String RUN_ID = "341299-20261201-020000";
    static final Duration LIMIT = Duration.ofSeconds(300);
    static final String APP = "vr_pgcut";

    @TempDir Path tmp;

    @AfterEach
    void noChildLeftBehind() {
        OpsTestSupport.killChildren();
    }

    @Test
    void connectionsCutMidRunThenRestartGivesTheUndisturbedFiles() throws Exception {
        OpsTestSupport.freshSchema("ops_pg_ref");
        OpsTestSupport.freshSchema("ops_pg_run");
        String county = Examples.DIR.resolve("county").toString(), inbox = Examples.DIR.resolve("inbox").toString();
        Path refOut = tmp.resolve("ref"), runOut = tmp.resolve("run"), release = tmp.resolve("release");
        Map<String, String> clock = Map.of("voter-roll.test.fixed-clock", "2026-12-01T02:00:00");

        var reference = new OpsTestSupport.Child("ops_pg_ref", clock, "reconcile", "--county", county, "--inbox", inbox, "--out", refOut.toString());
        assertThat(reference.exit(LIMIT)).as(reference.output()).isZero();

        Map<String, String> props = new HashMap<>(clock);
        // the child's connections carry a name of their own, so that only they are cut (the database is shared)
        props.put("spring.datasource.url", OpsTestSupport.url("ops_pg_run") + "&ApplicationName=" + APP);
        props.put("voter-roll.test.pause-at", "before:decide");
        props.put("voter-roll.test.release-file", release.toString());
        var run = new OpsTestSupport.Child("ops_pg_run", props, "reconcile", "--county", county, "--inbox", inbox, "--out", runOut.toString());
        run.awaitLine("PAUSED at before:decide", LIMIT);

        JdbcTemplate admin = OpsTestSupport.jdbc("public");
        AtomicInteger cut = new AtomicInteger();
        assertThat(terminate(admin)).as("the child holds connections to cut").isPositive();
        Files.createFile(release);
        // for three seconds every connection the child opens is cut again
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < end && run.process.isAlive()) {
            cut.addAndGet(terminate(admin));
            Thread.sleep(20);
        }
        int first = run.exit(LIMIT);
        String output = run.output();
        assertThat(first).as(output).isIn(0, 1);
        if (first == 1) {
            // what the operator reads: the cause and what to do, not a bare stack trace as the last word
            List<String> lines = output.lines().toList();
            assertThat(String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()))).as(output)
                    .containsAnyOf("restart " + RUN_ID, "error: ");
            var restart = new OpsTestSupport.Child("ops_pg_run", clock, "restart", RUN_ID);
            assertThat(restart.exit(LIMIT)).as(restart.output()).isZero();
            assertThat(restart.output()).contains("run " + RUN_ID + " completed");
        }
        assertSameFiles(refOut.resolve(RUN_ID), runOut.resolve(RUN_ID));
        JdbcTemplate db = OpsTestSupport.jdbc("ops_pg_run"), ref = OpsTestSupport.jdbc("ops_pg_ref");
        for (String sql : List.of("SELECT COUNT(*) FROM src_record", "SELECT COUNT(*) FROM roll_line", "SELECT COUNT(*) FROM book_line",
                "SELECT COUNT(*) FROM exception_item", "SELECT COUNT(*) FROM reject")) {
            assertThat(db.queryForObject(sql, Long.class)).as(sql).isEqualTo(ref.queryForObject(sql, Long.class));
        }
        assertThat(db.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, RUN_ID)).isEqualTo("COMPLETED");
    }

    @Test
    void theSampleCountyIn256MegabytesOfHeapGivesTheFilesOfA512MegabyteRun() throws Exception {
        OpsTestSupport.freshSchema("ops_heap_ref");
        OpsTestSupport.freshSchema("ops_heap_run");
        Map<String, String> clock = Map.of("voter-roll.test.fixed-clock", "2026-12-01T02:00:00");
        String[] args = {"reconcile", "--county", "sample-data/county", "--inbox", "sample-data/inbox", "--previous", "sample-data/previous", "--out"};
        var reference = new OpsTestSupport.Child("-Xmx512m", "ops_heap_ref", clock, with(args, tmp.resolve("ref").toString()));
        assertThat(reference.exit(LIMIT)).as(reference.output()).isZero();
        var small = new OpsTestSupport.Child("-Xmx256m", "ops_heap_run", clock, with(args, tmp.resolve("run").toString()));
        assertThat(small.exit(LIMIT)).as(small.output()).isZero();
        assertThat(small.output()).doesNotContain("OutOfMemoryError");
        String sampleRun = "349901-20261201-020000";
        assertSameFiles(tmp.resolve("ref").resolve(sampleRun), tmp.resolve("run").resolve(sampleRun));
    }

    private static String[] with(String[] args, String last) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 1);
        a[args.length] = last;
        return a;
    }

    /** Terminates every backend of the child (by its application name); how many. */
    private static int terminate(JdbcTemplate admin) {
        List<Boolean> done = admin.queryForList(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()", Boolean.class, APP);
        return (int) done.stream().filter(Boolean.TRUE::equals).count();
    }

    private static void assertSameFiles(Path expectedDir, Path actualDir) throws Exception {
        Map<String, byte[]> expected = OpsTestSupport.tree(expectedDir);
        Map<String, byte[]> actual = OpsTestSupport.tree(actualDir);
        assertThat(expected).containsKeys("summary.json", "SHA256SUMS", "exceptions.csv");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        List<String> differing = expected.keySet().stream().sorted().filter(f -> !java.util.Arrays.equals(actual.get(f), expected.get(f))).toList();
        assertThat(differing).as("files differing from the undisturbed run").isEmpty();
    }
}
