package org.voterroll.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.voterroll.VoterRollApplication;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.reconcile.Run;
import org.voterroll.reconcile.RunRepository;

/** The operations commands of the command line: run-job, confirm, runs, purge, schedule. */
public final class OpsCommands {
    private OpsCommands() {
    }

    public static int run(String command, String[] args, Map<String, String> opts, PrintStream out, PrintStream err,
                          Supplier<ConfigurableApplicationContext> contexts) throws Exception {
        switch (command) {
            case "run-job" -> {
                String dir = positional(args, "run-job needs a job directory (jobs/<county>)");
                try (ConfigurableApplicationContext ctx = contexts.get()) {
                    Run run = ctx.getBean(JobRunner.class).runJob(Path.of(dir));
                    if (run == null) {
                        out.println("nothing new: tonight's delivery was already taken by a completed run");
                        return 0;
                    }
                    return VoterRollApplication.report(run, out, err);
                }
            }
            case "confirm" -> {
                String runId = positional(args, "confirm needs a run id");
                String who = opts.getOrDefault("--by", System.getProperty("user.name", "operator"));
                try (ConfigurableApplicationContext ctx = contexts.get()) {
                    return VoterRollApplication.report(ctx.getBean(ReconcileService.class).confirm(runId, who), out, err);
                }
            }
            case "runs" -> {
                int limit = Integer.parseInt(opts.getOrDefault("--limit", "20"));
                try (ConfigurableApplicationContext ctx = contexts.get()) {
                    List<String> recovered = ctx.getBean(RunRecovery.class).recoverAll();
                    for (String id : recovered) out.println("recovered " + id + ": left RUNNING by a stopped process, now FAILED (restart " + id + ")");
                    for (Run r : ctx.getBean(RunRepository.class).recent(limit)) {
                        out.println(String.join("\t", r.runId(), r.status(), String.valueOf(r.startedAt()),
                                r.finishedAt() == null ? "-" : r.finishedAt().toString(),
                                r.outputPath() != null ? r.outputPath() : r.message() == null ? "" : r.message()));
                    }
                    return 0;
                }
            }
            case "purge" -> {
                String keep = opts.get("--keep");
                if (keep == null) throw new IllegalArgumentException("purge needs --keep N (runs kept per county)");
                try (ConfigurableApplicationContext ctx = contexts.get()) {
                    Purge.Result r = ctx.getBean(Purge.class).purge(Integer.parseInt(keep));
                    out.println("purged " + r.purgedRuns().size() + " runs (" + r.rowsDeleted() + " rows): " + String.join(" ", r.purgedRuns()));
                    return 0;
                }
            }
            case "schedule" -> {
                if (opts.containsKey("--jobs")) System.setProperty("voter-roll.jobs-dir", opts.get("--jobs"));
                System.setProperty("voter-roll.scheduler.enabled", "true");
                ConfigurableApplicationContext ctx = contexts.get();
                out.println("scheduler running (jobs in " + ctx.getEnvironment().getProperty("voter-roll.jobs-dir", "jobs") + "); stop with SIGTERM");
                Object lock = new Object();
                synchronized (lock) {
                    while (ctx.isActive()) lock.wait(60_000);
                }
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static String positional(String[] args, String missing) {
        if (args.length < 2 || args[1].startsWith("--")) throw new IllegalArgumentException(missing);
        return args[1];
    }
}
