package org.voterroll.province;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The commands of a province run, each taking its options already parsed and returning the exit code:
 * <pre>
 * worker                                              stays running, runs the partitions the broker hands it
 * province --jobs-dir DIR [--counties a,b,c] [--out DIR]   a province run; prints its counties; 0 all completed, 1 not
 * province --restart PROVINCE_RUN_ID                  re-runs the failed counties of a province run, then the checks
 * </pre>
 * The process's role (manager or worker) is set before its application context starts: it decides which beans exist.
 */
public final class ProvinceCommands {
    static final String ROLE = "voter-roll.province.role";

    private ProvinceCommands() {
    }

    /** The options of {@code province}: counties empty = every job directory of jobsDir. */
    public record ProvinceOptions(Path jobsDir, List<String> counties, Path out) {
    }

    /** Today's dispatch (VoterRollApplication): {@code worker}, {@code province}. */
    public static int run(String command, Map<String, String> opts, PrintStream out, PrintStream err,
                          Supplier<ConfigurableApplicationContext> context) throws Exception {
        if (command.equals("worker")) return worker(context, out);
        if (opts.containsKey("--restart")) return restart(opts.get("--restart"), context, out, err);
        String jobs = opts.get("--jobs-dir");
        if (jobs == null) throw new IllegalArgumentException("province needs --jobs-dir DIR (or --restart PROVINCE_RUN_ID); see --help");
        List<String> counties = opts.containsKey("--counties")
                ? Arrays.stream(opts.get("--counties").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
        return province(new ProvinceOptions(Path.of(jobs), counties, Path.of(opts.getOrDefault("--out", "out"))), context, out, err);
    }

    /** Listens on the broker until the process is stopped (SIGTERM: the context closes, the running partition is left to a restart). */
    public static int worker(Supplier<ConfigurableApplicationContext> context, PrintStream out) throws InterruptedException {
        System.setProperty(ROLE, "worker");
        ConfigurableApplicationContext ctx = context.get();
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) closed.countDown();
        });
        var cf = ctx.getBean(ConnectionFactory.class);
        out.println("worker pid " + ProcessHandle.current().pid() + " listening on queue " + ctx.getBean(Queue.class).getName() + " at "
                + cf.getHost() + ":" + cf.getPort());
        out.flush();
        closed.await();
        return 0;
    }

    public static int province(ProvinceOptions o, Supplier<ConfigurableApplicationContext> context, PrintStream out, PrintStream err)
            throws Exception {
        System.setProperty(ROLE, "manager");
        try (ConfigurableApplicationContext ctx = context.get()) {
            ProvinceService service = ctx.getBean(ProvinceService.class);
            return report(service, service.start(o.jobsDir(), o.counties(), o.out()), out, err);
        }
    }

    public static int restart(String provinceRunId, Supplier<ConfigurableApplicationContext> context, PrintStream out, PrintStream err)
            throws Exception {
        System.setProperty(ROLE, "manager");
        try (ConfigurableApplicationContext ctx = context.get()) {
            ProvinceService service = ctx.getBean(ProvinceService.class);
            return report(service, service.restart(provinceRunId), out, err);
        }
    }

    /** The table of counties, then the outcome; 0 when the province run completed, 1 otherwise. */
    static int report(ProvinceService service, ProvinceRun run, PrintStream out, PrintStream err) {
        List<CountyResult> results = service.results(run.provinceRunId());
        out.println(table(results));
        if (ProvinceRun.COMPLETED.equals(run.status())) {
            out.println("province run " + run.provinceRunId() + " completed: " + results.size() + " counties, "
                    + results.stream().mapToLong(r -> r.listed() == null ? 0 : r.listed()).sum() + " voters listed, "
                    + service.items(run.provinceRunId()) + " " + CrossCountyCheck.CODE + " items");
            out.println(run.outputPath());
            return 0;
        }
        err.println("province run " + run.provinceRunId() + " " + run.status() + ": " + run.message());
        err.println("fix the cause, then: java -jar voter-roll.jar province --restart " + run.provinceRunId());
        return 1;
    }

    static String table(List<CountyResult> results) {
        String format = "%-16s %-7s %-12s %-11s %-26s %-18s %8s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(format, "county", "code", "name", "partition", "run", "run status", "listed", "message"));
        for (CountyResult r : results) {
            sb.append(String.format(format, r.jobName(), nz(r.countyCode()), nz(r.countyName()), r.partitionStatus(), nz(r.runId()),
                    nz(r.runStatus()), r.listed() == null ? "-" : r.listed().toString(), nz(r.message())));
        }
        return sb.toString().stripTrailing();
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
