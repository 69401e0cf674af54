package org.voterroll.province;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.voterroll.cli.Cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Command(name = "province", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class, sortOptions = false,
            description = {"A province (or city) run: each county job directory of --jobs-dir (or those named) is a partition sent",
                    "over RabbitMQ to the workers, then the province-wide check (CROSS_COUNTY_DUPLICATE). Prints each county's run,",
                    "status and voters listed; exits 1 when a county failed (then: province --restart ID).",
                    "Needs PostgreSQL and RabbitMQ (spring.rabbitmq.*): ops/README.md \"Province runs\"."})
    public static final class Province implements Callable<Integer> {
        private final Cli cli;
        @ArgGroup(multiplicity = "1")
        Which which;
        @Option(names = "--counties", split = ",", paramLabel = "JOB", description = "only these job directories (default: every one)")
        List<String> counties = List.of();
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "where province/<id>/ is written (default ${DEFAULT-VALUE})")
        Path out;

        static final class Which {
            @Option(names = "--jobs-dir", paramLabel = "DIR", description = "one job directory per county (jobs/<county>/job.yml)")
            Path jobsDir;
            @Option(names = "--restart", paramLabel = "PROVINCE_RUN_ID", description = "re-runs only the failed counties of that province run, then the check")
            String restart;
        }

        Province(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            if (which.restart != null) return restart(which.restart, cli::batchContext, cli.out(), cli.err());
            Cli.directory(which.jobsDir, "--jobs-dir");
            return province(new ProvinceOptions(which.jobsDir, counties, out), cli::batchContext, cli.out(), cli.err());
        }
    }

    @Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Stays running and runs the county partitions of province runs that the broker hands it,",
                    "one at a time, each as run-job would (county lock, restart, guard)."})
    public static final class Worker implements Callable<Integer> {
        private final Cli cli;

        Worker(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            return worker(cli::batchContext, cli.out());
        }
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
                    + service.items(run.provinceRunId(), CrossCountyCheck.CODE) + " " + CrossCountyCheck.CODE + " items, "
                    + service.items(run.provinceRunId(), CertificateRequests.CODE) + " " + CertificateRequests.CODE + " items");
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
