package org.voterroll.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the night survives besides a bad delivery (issue 24), in real child JVMs against the real PostgreSQL: a run of
 * the 3,000-person sample county in a JVM of 256 MB heap completes, with the files of a 512 MB run.
 * Two JVMs starting one county at the same instant: {@link CountyLockTest}; connections cut: {@link ConnectionCutTest}.
 */
class ResilienceTest {
    static final String RUN_ID = "341299-20261201-020000";
    static final Duration LIMIT = Duration.ofSeconds(300);

    @TempDir Path tmp;

    @AfterEach
    void noChildLeftBehind() {
        OpsTestSupport.killChildren();
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

    static void assertSameFiles(Path expectedDir, Path actualDir) throws Exception {
        Map<String, byte[]> expected = OpsTestSupport.tree(expectedDir);
        Map<String, byte[]> actual = OpsTestSupport.tree(actualDir);
        assertThat(expected).containsKeys("summary.json", "SHA256SUMS", "exceptions.csv");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        List<String> differing = expected.keySet().stream().sorted().filter(f -> !java.util.Arrays.equals(actual.get(f), expected.get(f))).toList();
        assertThat(differing).as("files differing from the undisturbed run").isEmpty();
    }
}
