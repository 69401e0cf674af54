package org.voterroll.testkit;

import java.io.PrintStream;

import org.voterroll.VoterRollApplication;
import org.voterroll.cli.Cli;

/**
 * The test kit's command line ({@code java -jar target/voter-roll-testkit.jar}): {@code generate}, {@code check-truth},
 * {@code check-province}, {@code link-quality}, on the application's context and settings (the same {@code VOTER_ROLL_DB_*}
 * and {@code --key=value} Spring arguments as the product's commands).
 */
public final class TestKit {
    private TestKit() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err, VoterRollApplication.class, TestKitCommands.ALL);
    }
}
