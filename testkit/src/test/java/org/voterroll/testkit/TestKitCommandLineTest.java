package org.voterroll.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.voterroll.cli.Cli;

/** The test kit's command line answers as the product's does: its own help per command, a wrong line at once with exit 2. */
class TestKitCommandLineTest {
    record Result(int code, String out, String err, int contexts) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int before = Cli.CONTEXTS_STARTED.get();
        int code = TestKit.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), Cli.CONTEXTS_STARTED.get() - before);
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : new String[] {"generate", "check-truth", "check-province", "link-quality"}) {
            Result r = run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: voter-roll-testkit " + command).contains("--help");
            assertThat(r.err()).as(command).isEmpty();
            assertThat(r.contexts()).as(command).isZero();
        }
        assertThat(run("generate", "-h").code()).isZero();
    }

    /** The kit's overview, usage lines and version name the kit's command, not the product's (whose commands it lacks). */
    @Test
    void itsLinesNameTheTestKit() {
        Result overview = run("--help");
        assertThat(overview.code()).isZero();
        assertThat(overview.out()).startsWith("Usage: voter-roll-testkit [-hV] [COMMAND]")
                .contains("java -jar voter-roll-testkit.jar generate --help").doesNotContain("reconcile", "voter-roll.jar");
        Result bare = run();
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.out()).isEqualTo(overview.out());
        for (String[] args : new String[][] {{"--version"}, {"generate", "--version"}, {"link-quality", "-V"}}) {
            assertThat(run(args).out()).as(String.join(" ", args)).startsWith("voter-roll-testkit ");
        }
        Result wrong = run("check-truth", "--truth");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("voter-roll-testkit check-truth [-hV]", "(check-truth --help for more)");
    }

    @Test
    void wrongCommandLinesExitTwoAtOnce() {
        Result r = run("generate", "--persons", "many", "--out", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--persons", "must be a whole number, got 'many'");
        assertThat(r.contexts()).isZero();
        assertThat(run("reconcile", "--county", "x").err()).contains("unknown command 'reconcile'");
    }
}
