package org.voterroll.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.voterroll.cli.Cli;
import org.voterroll.generate.CountyGenerator;
import org.voterroll.generate.GenerationResult;
import org.voterroll.generate.GeneratorOptions;
import org.voterroll.generate.ProvinceGenerator;
import org.voterroll.generate.ProvinceOptions;
import org.voterroll.quality.LinkQuality;
import org.voterroll.quality.ProvinceTruthCheck;
import org.voterroll.quality.TruthCheck;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The test kit's commands: the generator, the truth checks and the link quality (tests and benchmarks; not in the product). */
final class TestKitCommands {
    private TestKitCommands() {}

    /** The commands in the order of the overview. */
    static final List<Class<?>> ALL = List.of(Generate.class, CheckTruth.class, CheckProvince.class, LinkQualityCommand.class,
            CommandLine.HelpCommand.class);

    @Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class, sortOptions = false,
            description = {"Writes a synthetic county (county/, inbox/, previous/, truth/) for tests and benchmarks,",
                    "or with --province a synthetic province: jobs/<county code>/ (job.yml, county/, inbox/, previous/) per county",
                    "and truth/ (each county's truth, counties.csv, province.csv: the people planted between counties)."})
    static final class Generate implements Callable<Integer> {
        private final Cli cli;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Size size;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the same seed gives the same files (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--townships", paramLabel = "T", defaultValue = "0", converter = WholeNumber.class,
                description = "townships (of each county; default: about one per 30,000 people)")
        int townships;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "written into; existing files are overwritten")
        Path out;

        static final class Size {
            @Option(names = "--persons", required = true, paramLabel = "N", converter = WholeNumber.class,
                    description = "people with a household register in the county (1_000_000 may be written with underscores)")
            Integer persons;
            @ArgGroup(exclusive = false)
            Province province;
        }

        static final class Province {
            @Option(names = "--province", required = true, paramLabel = "N", converter = WholeNumber.class,
                    description = "counties of a synthetic province (2 to 99)")
            int counties;
            @Option(names = "--persons-per-county", required = true, paramLabel = "M", converter = WholeNumber.class,
                    description = "people with a household register in each county")
            int persons;
        }

        Generate(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            if (size.persons != null) {
                GenerationResult r = CountyGenerator.generate(new GeneratorOptions(size.persons, seed, townships, out));
                cli.out().println("generated " + r.persons() + " persons");
                cli.out().println(r.out().toAbsolutePath());
                return 0;
            }
            var r = ProvinceGenerator.generate(new ProvinceOptions(size.province.counties, size.province.persons, seed, townships, out));
            cli.out().println("generated " + r.counties().size() + " counties " + String.join(",", r.counties()) + ", " + r.persons()
                    + " persons, " + r.planted().size() + " planted between counties ("
                    + r.planted().stream().filter(p -> p.kind().duplicate()).count() + " on two rolls)");
            cli.out().println(r.out().toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "check-truth", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Compares a run's output with a generated county's truth/.",
                    "错, 漏, 重, exceptions and books; exits 1 unless clean."})
    static final class CheckTruth implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--truth", required = true, paramLabel = "DIR", description = "the generated county's truth/")
        Path truth;
        @Option(names = "--run", required = true, paramLabel = "DIR", description = "the run's output directory (OUT/RUN_ID)")
        Path run;

        CheckTruth(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            var result = TruthCheck.check(Cli.directory(truth, "--truth"), Cli.directory(run, "--run"));
            printFindings("", result, cli.out());
            cli.out().println(result.summary());
            return result.clean() ? 0 : 1;
        }

        /** A county's findings a line each, {@code prefix} before each line (check-province: the county's code). */
        static void printFindings(String prefix, TruthCheck.Result result, java.io.PrintStream out) {
            for (String s : result.wrong()) out.println(prefix + "错 " + s);
            for (String s : result.missing()) out.println(prefix + "漏 " + s);
            for (String s : result.duplicated()) out.println(prefix + "重 " + s);
            for (String s : result.missingExceptions()) out.println(prefix + "missing exception " + s);
            for (String s : result.bookErrors()) out.println(prefix + "book " + s);
            for (String s : result.nameVariants()) out.println(prefix + "name variant " + s);
        }
    }

    @Command(name = "check-province", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class, sortOptions = false,
            description = {"Compares a province run with a generated province's truth/ (generate --province).",
                    "Each county's run of the province run (as the database records it) as check-truth does (错, 漏, 重, exceptions,",
                    "books), and the province run's CROSS_COUNTY_DUPLICATE items against the people planted on two counties' rolls; exits 1 unless clean."})
    static final class CheckProvince implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--truth", required = true, paramLabel = "DIR", description = "the generated province's truth/")
        Path truth;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the province run's --out (where province/<id>/ is)")
        Path out;
        @Option(names = "--province-run", paramLabel = "ID", description = "the province run (default: the latest under DIR/province)")
        String provinceRun;

        CheckProvince(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            Cli.directory(truth, "--truth");
            Cli.directory(out, "--out");
            ProvinceTruthCheck.Result result;
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                result = ProvinceTruthCheck.check(ctx.getBean(javax.sql.DataSource.class), truth, out, provinceRun);
            }
            var o = cli.out();
            for (var c : result.counties()) {
                if (c.result() == null) {
                    o.println(c.code() + " " + c.name() + ": " + c.why());
                    continue;
                }
                CheckTruth.printFindings(c.code() + " ", c.result(), o);
                o.println(c.code() + " " + c.name() + " " + c.run().getFileName() + ": " + c.result().summary());
            }
            if (result.provinceRun() == null) o.println("no province run with exceptions.csv under " + out.resolve("province"));
            for (String s : result.missing()) o.println("missing " + ProvinceTruthCheck.CODE + " " + s);
            for (String s : result.unexpected()) o.println("unexpected " + ProvinceTruthCheck.CODE + " " + s);
            o.println((result.provinceRun() == null ? "" : result.provinceRun().getFileName() + ": ") + result.summary());
            return result.clean() ? 0 : 1;
        }
    }

    @Command(name = "link-quality", mixinStandardHelpOptions = true, versionProvider = Cli.BuildVersion.class,
            description = {"Measures a run's record links on a generated county (truth/records.csv).",
                    "Certain links correct and wrong, pairwise precision and recall, review band, unlinked records."})
    static final class LinkQualityCommand implements Callable<Integer> {
        private final Cli cli;
        @Option(names = "--truth", required = true, paramLabel = "DIR", description = "the generated county's truth/")
        Path truth;
        @Option(names = "--run-id", required = true, paramLabel = "RUN_ID", description = "the run")
        String runId;

        LinkQualityCommand(Cli cli) { this.cli = cli; }

        @Override
        public Integer call() throws Exception {
            Cli.directory(truth, "--truth");
            try (ConfigurableApplicationContext ctx = cli.batchContext()) {
                LinkQuality.print(LinkQuality.measure(ctx.getBean(javax.sql.DataSource.class), truth, runId), cli.out());
                return 0;
            }
        }
    }

    /** A whole number that may be written with underscores (1_000_000), as the README's benchmarks do. */
    static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.parseInt(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("must be a whole number, got '" + value + "'");
            }
        }
    }
}
