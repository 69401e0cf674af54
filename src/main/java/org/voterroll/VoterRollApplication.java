package org.voterroll;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.voterroll.county.CountyConfigException;
import org.voterroll.generate.CountyGenerator;
import org.voterroll.generate.GenerationResult;
import org.voterroll.generate.GeneratorOptions;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.reconcile.Run;

/** The command line: reconcile, restart, generate, explain, check-truth, link-quality, serve, user add; operations (ops.OpsCommands). */
@SpringBootApplication
public class VoterRollApplication {

    static final String HELP = """
            voter-roll — builds a county's voter rolls (选民名单) from its agencies' nightly files.

            Usage:
              java -jar voter-roll.jar reconcile --county DIR --inbox DIR --out DIR [--previous DIR]
                  Runs the nightly reconciliation. DIR of --county holds election.yml and xuanqu.csv;
                  --inbox holds the night's delivery (huji_*.csv, shebao_*.xlsx, ...); results go to
                  <out>/<run id>/ (rolls, posting lists, books, exceptions, rejects, summary.json, report.html).
                  --previous: on a county's first run, a directory of the previous roll's files
                  (rolls/<选区编码>.csv); later runs compare with the county's last completed run.
                  Prints the run's output directory as its last line; exits 1 with a message on failure.
              java -jar voter-roll.jar restart RUN_ID
                  Finishes a failed or interrupted run where it stopped.
              java -jar voter-roll.jar generate --persons N --seed S --out DIR [--townships T]
                  Writes a synthetic county (county/, inbox/, previous/, truth/) for tests and benchmarks.
              java -jar voter-roll.jar explain (--number N | --person ID) [--run RUN_ID]
                  Prints a person of a run (the latest by default): every record linked to them or offered as a
                  candidate, with its file and line, the method, the score and the weight of each field.
              java -jar voter-roll.jar matching --county DIR
                  Prints the identity-matching weights (m, u, log2(m/u) per field outcome) and thresholds a run of
                  the county uses: the defaults, overridden by DIR/matching.yml where the county has one (see
                  docs/decisions.md "A county's own weights"); exits 2 with what to fix when that file is wrong.
              java -jar voter-roll.jar check-truth --truth DIR --run DIR
                  Compares a run's output with a generated county's truth/ (错, 漏, 重, exceptions, books).
              java -jar voter-roll.jar link-quality --truth DIR --run-id RUN_ID
                  Link quality of a run on a generated county (truth/records.csv): certain links correct and wrong,
                  pairwise precision and recall, review band, unlinked records.
              java -jar voter-roll.jar serve [--server.port=8080] [--voter-roll.jobs-dir=jobs]
                  Starts the web application (township exception queues, station downloads, operators' runs and
                  accounts; JSON API under /api). jobs-dir/<county>/ holds election.yml, xuanqu.csv and job.yml
                  (inbox:, out:, previous:) for the runs operators start from the web.
              java -jar voter-roll.jar user add --name N --role OPERATOR|TOWNSHIP|STATION [--scope CODE]
                  Creates an account; the password is asked for (or read from standard input). --scope is the
                  乡镇代码 of a TOWNSHIP account, the 选区编码 of a STATION account. There is no default account.
              java -jar voter-roll.jar run-job DIR
                  Runs a county's nightly job as DIR/job.yml describes it (county files, inbox, out, previous):
                  only a complete delivery (a READY file, docs/runbook.md) that no earlier run took. Called by
                  ops/voter-roll-nightly@.service; exits 0 also when there is nothing new.
              java -jar voter-roll.jar confirm RUN_ID [--by NAME]
                  Publishes a run stopped as NEEDS_CONFIRMATION (a source shrank sharply, or the roll changes
                  far more than usual) once an operator has checked the delivery.
              java -jar voter-roll.jar runs [--limit N]
                  Lists recent runs, their status and message; recovers runs left RUNNING by a crash.
              java -jar voter-roll.jar purge --keep N
                  Deletes the staging rows and Spring Batch metadata of all but each county's N latest runs
                  (the last completed run and the snapshots in force are always kept).
              java -jar voter-roll.jar schedule [--jobs DIR]
                  Stays running and starts every job of DIR (default ./jobs) at its cron time
                  (the scheduler of the server, voter-roll.scheduler.enabled=true).
              java -jar voter-roll.jar province --jobs-dir DIR [--counties a,b,c] [--out DIR]
                  A province (or city) run: every county job directory of DIR (or those named) as a partition sent
                  over RabbitMQ to the workers, then the province-wide check (CROSS_COUNTY_DUPLICATE); prints each
                  county's run, status and voters listed; exits 1 when a county failed. PostgreSQL and RabbitMQ
                  (spring.rabbitmq.*) needed; see ops/README.md "Province runs".
              java -jar voter-roll.jar province --restart PROVINCE_RUN_ID
                  Re-runs only the failed counties of a province run, then the check.
              java -jar voter-roll.jar worker
                  Stays running and runs the county partitions of province runs that the broker hands it.
              java -jar voter-roll.jar --help

            Exit codes: 0 done; 1 run failed (restart RUN_ID); 2 wrong command line or county files;
            3 another run of the county is running; 4 run stopped for confirmation; 5 delivery not complete.

            Database: with nothing set, an embedded database in ./data (set VOTER_ROLL_HOME to move it).
            For PostgreSQL set VOTER_ROLL_DB_URL=jdbc:postgresql://host:5432/db, VOTER_ROLL_DB_USER,
            VOTER_ROLL_DB_PASSWORD (or spring.datasource.*). Output files are GB18030; set
            VOTER_ROLL_OUTPUT_ENCODING=UTF-8 for UTF-8.
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        try {
            String command = args[0];
            if (command.equals("serve")) return org.voterroll.web.ServeCommand.run(VoterRollApplication.class, args, webDefaults());
            Map<String, String> opts = options(args);
            switch (command) {
                case "generate" -> {
                    GenerationResult r = CountyGenerator.generate(new GeneratorOptions(intOpt(opts, "--persons", null),
                            Long.parseLong(opts.getOrDefault("--seed", "1")), intOpt(opts, "--townships", 0), Path.of(required(opts, "--out"))));
                    out.println("generated " + r.persons() + " persons");
                    out.println(r.out().toAbsolutePath());
                    return 0;
                }
                case "reconcile" -> {
                    try (ConfigurableApplicationContext ctx = batchContext(args)) {
                        Path previous = opts.containsKey("--previous") ? Path.of(opts.get("--previous")) : null;
                        Run run = ctx.getBean(ReconcileService.class).reconcile(Path.of(required(opts, "--county")),
                                Path.of(required(opts, "--inbox")), Path.of(required(opts, "--out")), previous);
                        return report(run, out, err);
                    }
                }
                case "explain" -> {
                    if (!opts.containsKey("--number") && !opts.containsKey("--person")) {
                        throw new IllegalArgumentException("explain needs --number N or --person ID (see --help)");
                    }
                    try (ConfigurableApplicationContext ctx = batchContext(args)) {
                        var explanation = new org.voterroll.identity.Explanation(ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
                        String runId = explanation.runOrLatest(opts.get("--run"));
                        java.util.List<Long> persons = opts.containsKey("--person")
                                ? java.util.List.of(Long.parseLong(opts.get("--person")))
                                : explanation.personsByNumber(runId, opts.get("--number"));
                        if (persons.isEmpty()) {
                            err.println("no person with that number in run " + runId);
                            return 1;
                        }
                        for (long person : persons) explanation.print(runId, person, out);
                        return 0;
                    }
                }
                case "matching" -> {
                    var file = org.voterroll.county.MatchingFile.load(Path.of(required(opts, "--county")));
                    out.println(file.text() == null ? "defaults (no " + org.voterroll.county.MatchingFile.NAME + ")"
                            : "defaults overridden by " + org.voterroll.county.MatchingFile.NAME);
                    out.print(file.matching().weights().table());
                    out.println("upper threshold " + file.matching().thresholds().upper() + ", lower threshold "
                            + file.matching().thresholds().lower());
                    return 0;
                }
                case "check-truth" -> {
                    var result = org.voterroll.quality.TruthCheck.check(Path.of(required(opts, "--truth")), Path.of(required(opts, "--run")));
                    for (String s : result.wrong()) out.println("错 " + s);
                    for (String s : result.missing()) out.println("漏 " + s);
                    for (String s : result.duplicated()) out.println("重 " + s);
                    for (String s : result.missingExceptions()) out.println("missing exception " + s);
                    for (String s : result.bookErrors()) out.println("book " + s);
                    for (String s : result.nameVariants()) out.println("name variant " + s);
                    out.println(result.summary());
                    return result.clean() ? 0 : 1;
                }
                case "link-quality" -> {
                    try (ConfigurableApplicationContext ctx = batchContext(args)) {
                        var result = org.voterroll.quality.LinkQuality.measure(ctx.getBean(javax.sql.DataSource.class),
                                Path.of(required(opts, "--truth")), required(opts, "--run-id"));
                        org.voterroll.quality.LinkQuality.print(result, out);
                        return 0;
                    }
                }
                case "restart" -> {
                    if (args.length < 2) throw new IllegalArgumentException("restart needs a run id");
                    try (ConfigurableApplicationContext ctx = batchContext(args)) {
                        return report(ctx.getBean(ReconcileService.class).restart(args[1]), out, err);
                    }
                }
                case "user" -> {
                    try (ConfigurableApplicationContext ctx = batchContext(args)) {
                        return org.voterroll.accounts.UserCommand.run(args, opts, ctx.getBean(org.voterroll.accounts.AccountService.class), out);
                    }
                }
                case "worker", "province" -> {
                    return org.voterroll.province.ProvinceCommands.run(command, opts, out, err, () -> batchContext(args));
                }
                case "run-job", "confirm", "runs", "purge", "schedule" -> {
                    return org.voterroll.ops.OpsCommands.run(command, args, opts, out, err, () -> batchContext(args));
                }
                default -> throw new IllegalArgumentException("unknown command '" + command + "' (see --help)");
            }
        } catch (org.voterroll.ops.CountyLock.CountyBusyException e) {
            err.println("error: " + e.getMessage());
            return 3;
        } catch (org.voterroll.ops.Delivery.NotReadyException e) {
            err.println("error: " + e.getMessage());
            return 5;
        } catch (IllegalArgumentException | CountyConfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            Throwable r = e;
            while (r.getCause() != null) r = r.getCause();
            err.println("error: " + (r.getMessage() == null ? r.toString() : r.getMessage()));
            return 1;
        }
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

    static ConfigurableApplicationContext batchContext(String[] args) {
        SpringApplication app = new SpringApplication(VoterRollApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        Map<String, Object> defaults = new HashMap<>();
        String enc = System.getenv("VOTER_ROLL_OUTPUT_ENCODING");
        if (enc != null) defaults.put("voter-roll.output-encoding", enc);
        app.setDefaultProperties(defaults);
        return app.run();
    }

    /** serve: the same settings as the batch commands (output encoding), for the files the web application reads. */
    private static Map<String, Object> webDefaults() {
        Map<String, Object> defaults = new HashMap<>();
        String enc = System.getenv("VOTER_ROLL_OUTPUT_ENCODING");
        if (enc != null) defaults.put("voter-roll.output-encoding", enc);
        return defaults;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new IllegalArgumentException(args[i] + " needs a value");
                m.put(args[i], args[++i]);
            }
        }
        return m;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) throw new IllegalArgumentException("missing " + name + " (see --help)");
        return v;
    }

    private static int intOpt(Map<String, String> opts, String name, Integer dflt) {
        String v = opts.get(name);
        if (v == null) {
            if (dflt == null) throw new IllegalArgumentException("missing " + name);
            return dflt;
        }
        try {
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }
}
