package org.voterroll;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.cli.Cli;
import org.voterroll.county.CountyConfig;
import org.voterroll.county.MatchingFile;
import org.voterroll.identity.Explanation;
import org.voterroll.reconcile.ReconcileService;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The reconciliation's commands (operations: ops.OpsCommands; serve; user; the test kit's: testkit.TestKitCommands). */
final class Commands {
    private Commands() {}

    /** The commands in the order of the overview. */
    static final List<Class<?>> ALL = List.of(Reconcile.class, Restart.class, Explain.class, Matching.class,
            org.voterroll.web.ServeCommand.class, org.voterroll.accounts.UserCommand.class,
            org.voterroll.ops.OpsCommands.RunJob.class, org.voterroll.ops.OpsCommands.Runs.class,
            org.voterroll.ops.OpsCommands.Confirm.class, org.voterroll.ops.OpsCommands.PurgeCommand.class,
            org.voterroll.ops.OpsCommands.Schedule.class, org.voterroll.province.ProvinceCommands.Province.class,
            org.voterroll.province.ProvinceCommands.Worker.class, CommandLine.HelpCommand.class);

    @Command(name = "reconcile", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class, sortOptions = false,
            description = {"Runs the nightly reconciliation of one county's delivery.",
                    "Prints the run's output directory (<out>/<run id>/: rolls, posting lists, books, exceptions, rejects,",
                    "summary.json, report.html) as its last line; exits 1 with the reason on failure (then: restart RUN_ID)."})
    static final class Reconcile implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--county", required = true, paramLabel = "DIR",
                description = "the county's election.yml and xuanqu.csv (and matching.yml, optional): docs/rules.md")
        Path county;
        @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "the night's delivery (huji_*.csv, shebao_*.xlsx, ...)")
        Path inbox;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where <run id>/ is written")
        Path out;
        @Option(names = "--previous", paramLabel = "DIR",
                description = "on a county's first run only: the previous roll's files (rolls/<选区编码>.csv); later runs compare with the county's last completed run")
        Path previous;

        Reconcile(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            Cli.directory(county, "--county");
            Cli.directory(inbox, "--inbox");
            Cli.directory(previous, "--previous");
            CountyConfig.load(county);
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                return Cli.report(ctx.getBean(ReconcileService.class).reconcile(county, inbox, out, previous), cli.out(), cli.err());
            }
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = "Finishes a failed or interrupted run where it stopped (`runs` lists them).")
    static final class Restart implements Callable<Integer> {
        private final Cli cli;
        @Parameters(paramLabel = "RUN_ID", description = "the run, e.g. 341299-20261201-013000")
        String runId;

        Restart(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                return Cli.report(ctx.getBean(ReconcileService.class).restart(runId), cli.out(), cli.err());
            }
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class, sortOptions = false,
            description = {"Prints a person of a run and every record linked to them.",
                    "Every record linked to the person or offered as a candidate, with its file and line, the method, the score",
                    "and the weight of each field."})
    static final class Explain implements Callable<Integer> {
        private final Cli cli;
        @ArgGroup(multiplicity = "1")
        Who who;
        @Option(names = "--run", paramLabel = "RUN_ID", description = "the run (default: the latest)")
        String run;

        static final class Who {
            @Option(names = "--number", required = true, paramLabel = "N", description = "an identity number (read from the command line, never logged)")
            String number;
            @Option(names = "--person", required = true, paramLabel = "ID", description = "a person id of the run")
            Long person;
        }

        Explain(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                var explanation = new Explanation(ctx.getBean(JdbcTemplate.class));
                String runId = explanation.runOrLatest(run);
                List<Long> persons = who.person != null ? List.of(who.person) : explanation.personsByNumber(runId, who.number);
                if (persons.isEmpty()) {
                    cli.err().println("no person with that number in run " + runId);
                    return 1;
                }
                for (long person : persons) explanation.print(runId, person, cli.out());
                return 0;
            }
        }
    }

    @Command(name = "matching", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Prints the identity-matching weights and thresholds a run of the county uses.",
                    "m, u and log2(m/u) per field outcome: the defaults, overridden by DIR/matching.yml where the county has one",
                    "(docs/decisions.md \"A county's own weights\"); exits 2 with what to fix when that file is wrong."})
    static final class Matching implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--county", required = true, paramLabel = "DIR", description = "the county's directory")
        Path county;

        Matching(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() {
            var file = MatchingFile.load(Cli.directory(county, "--county"));
            cli.out().println(file.text() == null ? "defaults (no " + MatchingFile.NAME + ")" : "defaults overridden by " + MatchingFile.NAME);
            cli.out().print(file.matching().weights().table());
            cli.out().println("upper threshold " + file.matching().thresholds().upper() + ", lower threshold "
                    + file.matching().thresholds().lower());
            return 0;
        }
    }
}
