package org.voterroll.testkit;

import java.io.PrintStream;
import java.util.List;

import org.voterroll.VoterRollApplication;
import org.voterroll.cli.Cli;

/**
 * The test kit's command line ({@code java -jar target/voter-roll-testkit.jar}): {@code generate}, {@code check-truth},
 * {@code check-province}, {@code link-quality}, on the application's context and settings (the same {@code VOTER_ROLL_DB_*}
 * and {@code --key=value} Spring arguments as the product's commands).
 */
public final class TestKit {
    private TestKit() {}

    /** {@code java -jar target/voter-roll-testkit.jar}: its overview, usage lines and --version name it. */
    static final Cli.Program PROGRAM = new Cli.Program("voter-roll-testkit",
            "The test kit of voter-roll: synthetic counties and provinces, truth checks and link quality for tests and benchmarks.",
            List.of("Every command has its own --help (java -jar voter-roll-testkit.jar generate --help). Spring Boot settings",
                    "work on every command as --key=value, as on the product's: --spring.datasource.url=..., --voter-roll.*=...",
                    "",
                    "Exit codes: 0 done (check-truth, check-province: nothing found); 1 findings, or the command failed;",
                    "2 wrong command line or directories.",
                    "",
                    "Database (link-quality reads a run's links): the product's, set the same way: VOTER_ROLL_DB_URL,",
                    "VOTER_ROLL_DB_USER, VOTER_ROLL_DB_PASSWORD (or spring.datasource.*); with nothing set, the embedded one in ./data."));

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err, PROGRAM, VoterRollApplication.class, TestKitCommands.ALL);
    }
}
