package org.voterroll.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.voterroll.cli.Cli;
import org.voterroll.county.CountyConfig;
import org.voterroll.ingest.Delivery;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;
import org.voterroll.run.RunRecovery;
import org.voterroll.run.RunRepository;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The operations commands of the command line: run-job, confirm, runs, purge, schedule. */
public final class OpsCommands {
    private OpsCommands() {
    }

    @Command(name = "run-job", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Runs a county's nightly job as DIR/job.yml describes it.",
                    "County files, inbox, out, previous; only a complete delivery (a READY file, docs/runbook.md) that no earlier run took. Called by",
                    "ops/voter-roll-nightly@.service; exits 0 also when there is nothing new, 5 when the delivery is not complete."})
    public static final class RunJob implements Callable<Integer> {
        private final Cli cli;
        @Parameters(paramLabel = "DIR", description = "the job's directory, jobs/<county>")
        Path dir;

        RunJob(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            // everything that can be checked without the database, before it is opened
            JobSpec spec = JobSpec.load(Cli.directory(dir, "run-job"));
            CountyConfig.load(spec.county());
            if (spec.requireReady()) Delivery.check(spec.inbox());
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                Run run = ctx.getBean(JobRunner.class).runJob(dir);
                if (run == null) {
                    cli.out().println("nothing new: tonight's delivery was already taken by a completed run");
                    return 0;
                }
                return Cli.report(run, cli.out(), cli.err());
            }
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Publishes a run stopped as NEEDS_CONFIRMATION.",
                    "A source shrank sharply, or the roll changes far more than usual: confirm once the delivery is checked."})
    public static final class Confirm implements Callable<Integer> {
        private final Cli cli;
        @Parameters(paramLabel = "RUN_ID", description = "the stopped run")
        String runId;
        @Option(names = "--by", paramLabel = "NAME", description = "who confirms (default: the login name)")
        String by;

        Confirm(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            String who = by != null ? by : System.getProperty("user.name", "operator");
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                return Cli.report(ctx.getBean(ReconcileService.class).confirm(runId, who), cli.out(), cli.err());
            }
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = "Lists recent runs, their status and message; recovers runs left RUNNING by a crash.")
    public static final class Runs implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "how many (default ${DEFAULT-VALUE})")
        int limit;

        Runs(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                List<String> recovered = ctx.getBean(RunRecovery.class).recoverAll();
                for (String id : recovered) cli.out().println("recovered " + id + ": left RUNNING by a stopped process, now FAILED (restart " + id + ")");
                for (Run r : ctx.getBean(RunRepository.class).recent(limit)) {
                    cli.out().println(String.join("\t", r.runId(), r.status(), String.valueOf(r.startedAt()),
                            r.finishedAt() == null ? "-" : r.finishedAt().toString(),
                            r.outputPath() != null ? r.outputPath() : r.message() == null ? "" : r.message()));
                }
                return 0;
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Deletes the staging rows and batch metadata of all but each county's N latest runs.",
                    "The last completed run and the snapshots in force are always kept."})
    public static final class PurgeCommand implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--keep", required = true, paramLabel = "N", description = "runs kept per county")
        int keep;

        PurgeCommand(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            if (keep < 1) throw new IllegalArgumentException("--keep must be at least 1, got " + keep);
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                Purge.Result r = ctx.getBean(Purge.class).purge(keep);
                cli.out().println("purged " + r.purgedRuns().size() + " runs (" + r.rowsDeleted() + " rows): " + String.join(" ", r.purgedRuns()));
                return 0;
            }
        }
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Stays running and starts every job of DIR at its cron time.",
                    "The scheduler of the server (voter-roll.scheduler.enabled=true); stop it with SIGTERM."})
    public static final class Schedule implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--jobs", paramLabel = "DIR", description = "the jobs' directory (default: voter-roll.jobs-dir, ./jobs)")
        Path jobs;

        Schedule(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            if (jobs != null && !Files.isDirectory(jobs)) throw new IllegalArgumentException("--jobs " + jobs + " is not a directory");
            // system properties: above application.yml's scheduler.enabled: false
            if (jobs != null) System.setProperty("voter-roll.jobs-dir", jobs.toString());
            System.setProperty("voter-roll.scheduler.enabled", "true");
            ConfigurableApplicationContext ctx = cli.batchContext();
            cli.out().println("scheduler running (jobs in " + ctx.getEnvironment().getProperty("voter-roll.jobs-dir", "jobs") + "); stop with SIGTERM");
            Object lock = new Object();
            synchronized (lock) {
                while (ctx.isActive()) lock.wait(60_000);
            }
            return 0;
        }
    }
}
