package org.voterroll;

import java.io.PrintStream;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.voterroll.reconcile.Run;

/** The application; its command line is {@link Cli} (parsed and checked before this context starts). */
@SpringBootApplication
public class VoterRollApplication {

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err);
    }

    public static int report(Run run, PrintStream out, PrintStream err) {
        if (Run.COMPLETED.equals(run.status())) {
            out.println("run " + run.runId() + " completed");
            out.println(run.outputPath());
            return 0;
        }
        err.println("run " + run.runId() + " " + run.status() + ": " + run.message());
        if (Run.NEEDS_CONFIRMATION.equals(run.status())) {
            err.println("nothing was published; check the delivery, then if it is right: java -jar voter-roll.jar confirm " + run.runId());
            return 4;
        }
        err.println("fix the cause, then: java -jar voter-roll.jar restart " + run.runId());
        return 1;
    }
}
