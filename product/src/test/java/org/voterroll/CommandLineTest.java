package org.voterroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voterroll.cli.Cli;

/**
 * The command line answers at once: the real {@code main} logic in-process, its output and exit code, and that a
 * refused or help command started no Spring context (the counter {@link Cli#CONTEXTS_STARTED}) and took well under a
 * second. One case runs the program as a process, as a user does.
 */
class CommandLineTest {
    private static final Path COUNTY = Examples.DIR.resolve("county");
    private static final Path INBOX = Examples.DIR.resolve("inbox");

    record Result(int code, String out, String err, long millis, int contexts) {
        String all() { return out + err; }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int before = Cli.CONTEXTS_STARTED.get();
        long t0 = System.nanoTime();
        int code = VoterRollApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), ms, Cli.CONTEXTS_STARTED.get() - before);
    }

    /** Answered without a context, in well under a second. */
    static Result quick(String... args) {
        Result r = run(args);
        assertThat(r.contexts()).as("contexts started by %s", String.join(" ", args)).isZero();
        assertThat(r.millis()).as("milliseconds for %s", String.join(" ", args)).isLessThan(1000);
        return r;
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : new String[] {"reconcile", "restart", "explain", "matching",
                "serve", "user", "run-job", "runs", "confirm", "purge", "schedule"}) {
            Result r = quick(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: voter-roll " + command).contains("--help");
            assertThat(r.err()).as(command).isEmpty();
        }
        assertThat(quick("reconcile", "--help").out()).contains("--county=DIR", "--inbox=DIR", "--out=DIR", "--previous=DIR");
        assertThat(quick("user", "add", "--help").out()).contains("--role=ROLE", "OPERATOR, TOWNSHIP, STATION");
        assertThat(quick("help", "restart").out()).startsWith("Usage: voter-roll restart").contains("RUN_ID");
    }

    @Test
    void serveHelpPrintsHelpAndStartsNoServer() {
        Result r = quick("serve", "--help", "--server.port=0");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: voter-roll serve").contains("--server.port=8080");
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
            assertThat(in).as("META-INF/build-info.properties written by the build").isNotNull();
            build.load(in);
        }
        assertThat(build.getProperty("build.version")).matches("\\d+\\.\\d+\\.\\d+.*");
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"reconcile", "--version"}}) {
            Result r = quick(args);
            assertThat(r.code()).isZero();
            assertThat(r.out().trim()).isEqualTo("voter-roll " + build.getProperty("build.version"));
        }
    }

    @Test
    void bothOptionFormsAreTaken() {
        // --county=DIR and --county DIR: the county is read, the missing inbox is what is refused
        for (String[] args : new String[][] {
                {"reconcile", "--county=" + COUNTY, "--inbox=/nonexistent/inbox", "--out=/tmp/never"},
                {"reconcile", "--county", COUNTY.toString(), "--inbox", "/nonexistent/inbox", "--out", "/tmp/never"}}) {
            Result r = quick(args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("error: --inbox /nonexistent/inbox is not a directory\n");
        }
    }

    @Test
    void anUnknownOptionIsNamedWithTheOneMeant() {
        Result r = quick("reconcile", "--countyy", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option", "'--countyy'", "did you mean --county?", "voter-roll reconcile", "reconcile --help")
                .doesNotContain("Missing required");
        assertThat(r.out()).isEmpty();

        Result command = quick("reconcil", "--county", "x");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err()).contains("unknown command 'reconcil'", "did you mean reconcile");
    }

    @Test
    void wrongCommandLinesExitTwoAtOnce() {
        Result missing = quick("reconcile", "--county", COUNTY.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required options", "--inbox=DIR", "--out=DIR");

        assertThat(quick("restart").err()).contains("Missing required parameter: 'RUN_ID'");
        assertThat(quick("explain").err()).contains("--number=N | --person=ID");
        assertThat(quick("user", "add", "--name", "a", "--role", "KING").err()).contains("--role", "角色须为", "「KING」");
        assertThat(quick("user", "add", "--name", "a", "--role", "TOWNSHIP").err()).contains("--scope", "9位乡镇代码");
        assertThat(quick("purge").err()).contains("--keep");
        Result none = quick();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.out()).contains("Commands:", "reconcile", "serve", "Exit codes");
        for (Result r : new Result[] {quick("restart"), quick("explain"), quick("purge"), quick("user"), quick("frobnicate")}) {
            assertThat(r.code()).isEqualTo(2);
        }
    }

    @Test
    void countyFilesAreCheckedBeforeTheDatabase(@TempDir Path tmp) throws Exception {
        Path county = Files.createDirectories(tmp.resolve("county"));
        Files.copy(COUNTY.resolve("xuanqu.csv"), county.resolve("xuanqu.csv"));
        Files.writeString(county.resolve("election.yml"), Files.readString(COUNTY.resolve("election.yml"))
                .replace("election-day: 2026-12-15", "election-day: 2026-13-15"));
        Result r = quick("reconcile", "--county", county.toString(), "--inbox", INBOX.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("election.yml", "election-day");
        assertThat(Files.exists(tmp.resolve("out"))).isFalse();
    }

    @Test
    void aJobWhoseDeliveryIsNotCompleteExitsFiveBeforeTheDatabase(@TempDir Path tmp) throws Exception {
        Path job = Files.createDirectories(tmp.resolve("job"));
        for (String f : new String[] {"election.yml", "xuanqu.csv"}) Files.copy(COUNTY.resolve(f), job.resolve(f));
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.writeString(job.resolve("job.yml"), "inbox: " + inbox + "\nout: " + tmp.resolve("out") + "\n");
        Result r = quick("run-job", job.toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).startsWith("error: ");
    }

    @Test
    void springPropertiesAreLeftToSpringOnEveryCommand() {
        // taken out of the command's own options: matching (real work, so not timed) starts no context and does not refuse them
        Result matching = run("matching", "--county", COUNTY.toString(), "--spring.datasource.url=jdbc:h2:mem:unused",
                "--voter-roll.progress-seconds=5");
        assertThat(matching.contexts()).isZero();
        assertThat(matching.code()).isZero();
        assertThat(matching.out()).contains("upper threshold");
        // and given to the context: a database that is not there is what the command fails on
        Result runs = run("runs", "--limit", "1", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nothing",
                "--spring.datasource.hikari.initialization-fail-timeout=1");
        assertThat(runs.contexts()).isEqualTo(1);
        assertThat(runs.code()).isEqualTo(1);
        assertThat(runs.err()).startsWith("error: ").containsIgnoringCase("connect");
    }

    @Test
    void theProgramAsAProcessAnswersAWrongOptionWithItsExitCode() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VoterRollApplication.class.getName(), "reconcile", "--countyy", "x")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("did you mean --county?").doesNotContain("HikariPool", "Flyway");
    }
}
