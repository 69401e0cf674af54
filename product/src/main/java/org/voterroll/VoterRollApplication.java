package org.voterroll;

import java.io.PrintStream;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.voterroll.cli.Cli;

/** The application; its command line is {@link Cli} (parsed and checked before this context starts). */
@SpringBootApplication
public class VoterRollApplication {

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err, Cli.PRODUCT, VoterRollApplication.class, Commands.ALL);
    }
}
