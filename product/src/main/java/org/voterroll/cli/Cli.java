package org.voterroll.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.voterroll.county.CountyConfigException;
import org.voterroll.run.Run;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: every command's options are parsed, and its files (county files, job.yml, the delivery's READY)
 * checked, before a Spring context starts, so that a mistake is answered at once and not after the database and
 * Flyway are up. Spring Boot's own {@code --key.with.dots=value} arguments are taken out first and passed to the
 * context of whichever command starts one.
 */
public final class Cli {
    /** Spring contexts started by this process's commands: the tests' proof that a refused command started none. */
    public static final AtomicInteger CONTEXTS_STARTED = new AtomicInteger();

    private final Class<?> application;
    private final List<String> springArgs;
    private final PrintStream out;
    private final PrintStream err;

    private Cli(Class<?> application, List<String> springArgs, PrintStream out, PrintStream err) {
        this.application = application;
        this.springArgs = springArgs;
        this.out = out;
        this.err = err;
    }

    public PrintStream out() { return out; }

    public PrintStream err() { return err; }

    /**
     * A program of this command line, as its overview, usage lines and --version name it: the product's or the test kit's
     * (their commands differ, the parsing and the Spring context do not).
     */
    public record Program(String name, String description, List<String> footer) {}

    /** The product: {@code java -jar target/voter-roll.jar}. */
    public static final Program PRODUCT = new Program("voter-roll",
            "Builds a county's voter rolls (选民名单) from its agencies' nightly files.", List.of(
                    "Every command has its own --help (java -jar voter-roll.jar reconcile --help). Spring Boot settings",
                    "work on every command as --key=value: --spring.datasource.url=..., --server.port=8080, --voter-roll.*=...",
                    "",
                    "Exit codes: 0 done; 1 run failed (restart RUN_ID); 2 wrong command line or county files;",
                    "3 another run of the county is running; 4 run stopped for confirmation; 5 delivery not complete.",
                    "",
                    "Database: with nothing set, an embedded database in ./data (VOTER_ROLL_HOME moves it). For PostgreSQL set",
                    "VOTER_ROLL_DB_URL=jdbc:postgresql://host:5432/db, VOTER_ROLL_DB_USER, VOTER_ROLL_DB_PASSWORD (or spring.datasource.*).",
                    "Output files are GB18030; VOTER_ROLL_OUTPUT_ENCODING=UTF-8 for UTF-8. The rules: docs/rules.md."));

    @Command(mixinStandardHelpOptions = true, footerHeading = "%n")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            // no command: the overview, and exit 2 (a command line that does nothing is a wrong one)
            throw new ParameterException(spec.commandLine(), "a command is needed");
        }
    }

    /**
     * Parses and runs {@code args} as one of {@code program}'s {@code commands} (in the order of the overview; only the one
     * named is built for a run: picocli reflects on each), whose contexts are of {@code application}; returns the
     * process's exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Program program, Class<?> application,
                          List<Class<?>> commands) {
        List<String> own = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (isSpringProperty(a)) {
                if (a.contains("=")) spring.add(a);
                else if (i + 1 < args.length) spring.add(a + "=" + args[++i]);
                else spring.add(a + "=");
            } else {
                own.add(a);
            }
        }
        Cli cli = new Cli(application, List.copyOf(spring), out, err);
        Factory factory = new Factory(cli);
        CommandLine line = new CommandLine(new Root(), factory);
        line.getCommandSpec().name(program.name());
        line.getCommandSpec().usageMessage().description(program.description()).footer(program.footer().toArray(String[]::new));
        String first = own.isEmpty() ? "" : own.get(0);
        List<Class<?>> needed = commands.stream().filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> c : needed.isEmpty() || needed.get(0) == CommandLine.HelpCommand.class ? commands : needed) {
            try {
                line.addSubcommand(factory.create(c));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        // every command's --version names the program it belongs to
        CommandLine.IVersionProvider version = () -> new String[] {program.name() + " " + BuildVersion.version()};
        line.getCommandSpec().versionProvider(version);
        line.getSubcommands().values().forEach(c -> c.getCommandSpec().versionProvider(version));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setUsageHelpWidth(120);
        line.setParameterExceptionHandler(Cli::usageError);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, err));
        if (own.isEmpty()) {
            line.usage(out);
            return 2;
        }
        return line.execute(own.toArray(String[]::new));
    }

    /** {@code --spring.x=…}, {@code --server.port=…}, {@code --voter-roll.x=…}: a property name has a dot, our options do not. */
    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--") || arg.length() < 3) return false;
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        return name.indexOf('.') > 0;
    }

    /** A wrong command line: what is wrong, the option meant where one is close, the command's usage; exit 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        // picocli finds missing options before unknown ones: a misspelt option is the cause, say that first
        if (!(e instanceof UnmatchedArgumentException) && !cmd.getUnmatchedArguments().isEmpty()) {
            e = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        PrintWriter w = cmd.getErr();
        List<String> unmatched = cmd.getUnmatchedArguments();
        boolean unknownCommand = cmd.getParent() == null && e instanceof UnmatchedArgumentException && !unmatched.isEmpty()
                && !unmatched.get(0).startsWith("-");
        w.println("error: " + (unknownCommand ? "unknown command '" + unmatched.get(0) + "'"
                : e.getMessage().replaceFirst("^Error: ", "")));
        if (e instanceof UnmatchedArgumentException u) {
            List<String> near = u.getSuggestions();
            if (!near.isEmpty()) w.println("did you mean " + String.join(" or ", near) + "?");
        }
        w.print(cmd.getHelp().synopsis(0));
        w.println("(" + (cmd.getParent() == null ? "" : cmd.getCommandSpec().qualifiedName(" ").substring(cmd.getCommandSpec().root().name().length() + 1) + " ")
                + "--help for more)");
        w.flush();
        return 2;
    }

    /** A command that failed: one line saying why, and the exit code of README.md. */
    public static int failure(Exception e, PrintStream err) {
        if (e instanceof org.voterroll.run.CountyLock.CountyBusyException) {
            err.println("error: " + e.getMessage());
            return 3;
        }
        if (e instanceof org.voterroll.ingest.Delivery.NotReadyException) {
            err.println("error: " + e.getMessage());
            return 5;
        }
        if (e instanceof org.voterroll.store.ConnectionLoss.RunInterruptedException) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (e instanceof IllegalArgumentException || e instanceof CountyConfigException) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Throwable r = e;
        while (r.getCause() != null) r = r.getCause();
        err.println("error: " + (r.getMessage() == null ? r.toString() : r.getMessage()));
        return 1;
    }

    /** A run's end as the commands say it: its output directory, or why it stopped and what to do; the exit code of README.md. */
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

    /** A directory option that must exist: refused before anything starts. */
    public static Path directory(Path p, String option) {
        if (p != null && !Files.isDirectory(p)) throw new CountyConfigException(option + " " + p + " is not a directory");
        return p;
    }

    /** The context of the batch commands: no web server; the Spring arguments of the command line apply. */
    public ConfigurableApplicationContext batchContext() {
        return context(WebApplicationType.NONE);
    }

    /** A context of the application (the batch commands' or the web server's) with the command line's Spring arguments. */
    public ConfigurableApplicationContext context(WebApplicationType type, org.springframework.context.ApplicationListener<?>... listeners) {
        SpringApplication app = new SpringApplication(application);
        app.addListeners(listeners);
        app.setWebApplicationType(type);
        Map<String, Object> defaults = new HashMap<>();
        String enc = System.getenv("VOTER_ROLL_OUTPUT_ENCODING");
        if (enc != null) defaults.put("voter-roll.output-encoding", enc);
        app.setDefaultProperties(defaults);
        CONTEXTS_STARTED.incrementAndGet();
        return app.run(springArgs.toArray(String[]::new));
    }

    /** Gives every command the process's {@link Cli} (its Spring arguments and streams). */
    private record Factory(Cli cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                var constructor = cls.getDeclaredConstructor(Cli.class);
                constructor.setAccessible(true);
                return constructor.newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    /**
     * The build's version (META-INF/build-info.properties, written by the build): the commands' annotations name this
     * provider for their -V option; {@link #run} gives each the line with its program's name.
     */
    public static final class BuildVersion implements IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            return new String[] {PRODUCT.name() + " " + version()};
        }

        static String version() throws java.io.IOException {
            Properties p = new Properties();
            try (InputStream in = Cli.class.getResourceAsStream("/META-INF/build-info.properties")) {
                if (in != null) p.load(in);
            }
            return p.getProperty("build.version", "(version unknown: not built by Maven)");
        }
    }
}
