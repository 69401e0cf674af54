package org.voterroll.ops;

import org.voterroll.Examples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.voterroll.county.CountyConfigException;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.reconcile.Run;

/**
 * The bad-delivery corpus: each case breaks one thing of a good delivery (the spec's examples), built at test
 * time in a temporary directory, and runs the nightly job on it after a good night (so that every source has a
 * snapshot and the county a roll). Each case asserts its message, where the run reports it, and that the roll is
 * never silently wrong: either the run stops before publishing (county files, an incomplete delivery, a
 * changed file, a sharp shrink, a roll changing far more than usual) or it completes with the bad file reported
 * and the source's previous snapshot in force, giving the good night's roll.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadDeliveryCorpusTest extends OpsSchemaTestBase {
    static final Charset GB = Charset.forName("GB18030");

    @Autowired ReconcileService service;
    @Autowired JobRunner jobs;
    @TempDir Path tmp;
    static Path baseOut;
    Run baseline;
    List<String> baselineRoll;

    /** What a case does to a copy of the good delivery and county files. */
    record Setup(Path county, Path inbox) {
        Path huji() {
            return inbox.resolve("huji_20261201.csv");
        }
    }

    /** What came of the case. */
    record Outcome(Run run, Throwable error, Path out) {
    }

    record Case(String name, Consumer<Setup> breakIt, Consumer<Outcome> expect, boolean viaJob) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void goodNight(@TempDir Path dir) throws Exception {
        baseOut = dir;
        baseline = service.reconcile(Examples.DIR.resolve("county"), Examples.DIR.resolve("inbox"), dir, null);
        assertThat(baseline.status()).isEqualTo(Run.COMPLETED);
        baselineRoll = roll(baseline.runId());
        assertThat(baselineRoll).hasSize(7);
    }

    @AfterEach
    void clearHooks() {
        TestHooks.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badDelivery(Case c) throws Exception {
        Setup s = new Setup(tmp.resolve("county"), tmp.resolve("inbox"));
        copy(Examples.DIR.resolve("county"), s.county());
        copy(Examples.DIR.resolve("inbox"), s.inbox());
        c.breakIt().accept(s);
        Path out = tmp.resolve("out");
        Run run = null;
        Throwable error = null;
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM run", Integer.class);
        try {
            if (c.viaJob()) {
                Files.writeString(s.county().resolve("job.yml"), "county: .\ninbox: " + s.inbox() + "\nout: " + out + "\ncron: \"0 30 1 * * *\"\n");
                run = jobs.runJob(s.county());
            } else {
                run = service.reconcile(s.county(), s.inbox(), out, null);
            }
        } catch (Exception e) {
            error = e;
        }
        try {
            if (error != null) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run", Integer.class)).as("a refused delivery records no run: " + error)
                        .isEqualTo(before);
            }
            c.expect().accept(new Outcome(run, error, out));
        } finally {
            if (run != null) forget(run.runId());
        }
    }

    Stream<Arguments> cases() {
        List<Case> l = new ArrayList<>();
        // ---- files of the delivery: reported, the source keeps its previous snapshot, the roll is the good night's
        l.add(new Case("truncated xlsx (a zip cut in half)", s -> write(s.inbox().resolve("shebao_20261201_part2.xlsx"),
                Arrays.copyOf(bytes(Path.of("sample-data/inbox/shebao_20261201.xlsx")), 3000)),
                sameRoll("shebao_20261201_part2.xlsx", "UNUSABLE", "无法读取文件 (cannot read the file)"), false));
        l.add(new Case("binary garbage named .csv", s -> write(s.huji(), garbage(20_000, 1)),
                sameRoll("huji_20261201.csv", "UNUSABLE", "缺少必需的列 (missing required columns): 公民身份号码"), false));
        l.add(new Case("binary garbage named .xlsx", s -> write(s.inbox().resolve("shebao_20261201.xlsx"), garbage(5000, 2)),
                sameRoll("shebao_20261201.xlsx", "UNUSABLE", "无法读取文件 (cannot read the file)"), false));
        l.add(new Case("empty file (0 bytes)", s -> write(s.huji(), new byte[0]),
                sameRoll("huji_20261201.csv", "UNUSABLE", "文件为空，没有表头 (empty file: no header row)"), false));
        l.add(new Case("missing required column 公民身份号码", s -> dropColumn(s.huji(), "公民身份号码"),
                sameRoll("huji_20261201.csv", "UNUSABLE", "缺少必需的列 (missing required columns): 公民身份号码；表头为 (header is): 姓名"), false));
        l.add(new Case("file without its header row (identity numbers never shown)", s -> {
                    List<String> rows = lines(s.huji());
                    writeLines(s.huji(), GB, rows.subList(1, rows.size()));
                }, o -> {
                    sameRoll("huji_20261201.csv", "UNUSABLE", "缺少必需的列 (missing required columns): 公民身份号码").accept(o);
                    String message = jdbc.queryForObject("SELECT message FROM source_file WHERE run_id = ? AND file_name = 'huji_20261201.csv'",
                            String.class, o.run().runId());
                    assertThat(message).contains("表头为 (header is): 341299********0138,").doesNotContain("341299198003120138");
                    assertThat(summary(o)).doesNotContain("341299198003120138");
                }, false));
        l.add(new Case("missing required column 姓名 in minzheng", s -> dropColumn(s.inbox().resolve("minzheng_20261201.csv"), "姓名"),
                sameRoll("minzheng_20261201.csv", "UNUSABLE", "缺少必需的列 (missing required columns): 姓名"), false));
        l.add(new Case("wrong encoding: UTF-16", s -> recode(s.huji(), StandardCharsets.UTF_16),
                sameRoll("huji_20261201.csv", "UNUSABLE", "文件编码无法识别，含空字节 (unrecognised encoding: the file holds NUL bytes"), false));
        l.add(new Case("duplicated file under a second name", s -> copyFile(s.huji(), s.inbox().resolve("huji_20261201_again.csv")),
                sameRoll("huji_20261201_again.csv", "DUPLICATE", "与 huji_20261201.csv 内容完全相同，只读取一次 (identical to huji_20261201.csv, read once)"), false));
        l.add(new Case("unknown source prefix", s -> copyFile(s.huji(), s.inbox().resolve("hukou_20261201.csv")),
                sameRoll("hukou_20261201.csv", "UNKNOWN_SOURCE", "未知来源前缀，已忽略 (unknown source prefix 'hukou', ignored"), false));
        l.add(new Case("unsupported file type .xls", s -> write(s.inbox().resolve("huji_20261201.xls"), garbage(100, 3)),
                sameRoll("huji_20261201.xls", "UNSUPPORTED", "不支持的文件类型，只接受 .csv 和 .xlsx"), false));
        l.add(new Case("a line of 200 MB with no line break (generated now)", s -> hugeLine(s.inbox().resolve("liudong_20261201.csv")),
                sameRoll("liudong_20261201.csv", "UNUSABLE", "一行超过 1048576 个字符，文件已损坏"), false));
        l.add(new Case("source not delivered tonight", s -> delete(s.huji()),
                o -> {
                    sameRollCompleted(o);
                    assertThat(note(o, "huji")).isEqualTo("本次未送达 (not delivered tonight); 沿用上次快照 (the previous snapshot stays in force)");
                }, false));
        l.add(new Case("a source's second file unusable: the whole source keeps its previous snapshot",
                s -> write(s.inbox().resolve("huji_20261201_part2.csv"), "公民身份号码\n1\n".getBytes(StandardCharsets.UTF_8)),
                o -> {
                    sameRoll("huji_20261201_part2.csv", "UNUSABLE", "缺少必需的列").accept(o);
                    assertThat(note(o, "huji")).startsWith("本次文件不可用 (tonight's file is unusable); 沿用上次快照");
                }, false));
        l.add(new Case("BOM and CRLF line ends (a good file, read as usual)", s -> bomCrlf(s.huji()),
                o -> sameRollCompleted(o), false));
        // ---- rows: rejected with their reason, the rest taken
        l.add(new Case("a row without a name", s -> setCell(s.huji(), "341299198304181436", 1, ""),
                o -> {
                    assertThat(o.run().status()).isEqualTo(Run.COMPLETED);
                    assertThat(rejects(o, "huji")).singleElement().asString()
                            .startsWith("姓名为空 (name missing) 341299198304181436,,");
                    assertThat(summary(o)).contains("\"rejected\" : 1");
                }, false));
        l.add(new Case("a truncated last line (file cut mid-row)", s -> cutMidLastLine(s.huji()),
                o -> {
                    assertThat(o.run().status()).isEqualTo(Run.COMPLETED);
                    assertThat(rejects(o, "huji")).hasSize(1);
                }, false));
        // ---- the guard: stops before publishing, asks an operator to confirm
        l.add(new Case("header only: the register shrank to nothing", s -> keepRows(s.huji(), 0),
                needsConfirmation("来源 huji 记录数骤减 (source huji shrank from 14 to 0 rows, 100% less; limit 30%)"), false));
        l.add(new Case("source shrank by 90 % overnight", s -> keepRows(s.huji(), 1),
                needsConfirmation("source huji shrank from 14 to 1 rows, 93% less"), false));
        l.add(new Case("file truncated to half its rows", s -> keepRows(s.huji(), 7),
                needsConfirmation("source huji shrank from 14 to 7 rows, 50% less"), false));
        l.add(new Case("everyone reported dead: the roll changes far more than usual", s -> everyoneDead(s.inbox()),
                needsConfirmation("名单变动异常 (the roll changes far more than usual: 0 added and 6 removed against 7 on the previous roll, 86%; limit 35%)"), false));
        l.add(new Case("a file changing while the run reads it", s -> TestHooks.on("after:prepare", () -> appendLine(s.huji())),
                o -> {
                    assertThat(o.run().status()).isEqualTo(Run.FAILED);
                    assertThat(o.run().message()).isEqualTo("交付文件在运行期间被改动 (the delivery changed while the run read it): "
                            + "huji_20261201.csv (content changed); nothing was published. Start a new run once the delivery is complete (READY)");
                    assertNothingPublished(o);
                }, false));
        l.add(new Case("a file replaced by a later delivery while the run reads it", s -> TestHooks.on("after:resolve", () -> delete(s.huji())),
                o -> {
                    assertThat(o.run().status()).isEqualTo(Run.FAILED);
                    assertThat(o.run().message()).contains("huji_20261201.csv (gone)");
                    assertNothingPublished(o);
                }, false));
        // ---- county files: refused before anything is written
        l.add(new Case("unknown election day", s -> editYml(s.county(), "election-day: 2026-12-15", ""),
                refused(CountyConfigException.class, "election.yml: missing setting 'election-day' (a date like 2026-12-15)"), false));
        l.add(new Case("election day that is no date", s -> editYml(s.county(), "election-day: 2026-12-15", "election-day: 2026-13-45"),
                refused(CountyConfigException.class, "'election-day' must be a date like 2026-12-15, got '2026-13-45'"), false));
        l.add(new Case("election day before the previous election", s -> editYml(s.county(), "election-day: 2026-12-15", "election-day: 2020-12-15"),
                refused(CountyConfigException.class, "previous-election-day 2021-11-15 must be before election-day 2020-12-15"), false));
        l.add(new Case("a misspelt setting", s -> editYml(s.county(), "in-migrant-months: 12", "in-migrant-month: 6"),
                refused(CountyConfigException.class, "election.yml: unknown setting 'in-migrant-month' — the settings are county-code, "
                        + "county-name, election-day, in-migrant-months, previous-election-day"), false));
        l.add(new Case("matching settings that would let name, sex and birth date prove one person",
                s -> write(s.county().resolve("matching.yml"), "upper-threshold: 20\n".getBytes(StandardCharsets.UTF_8)),
                refused(CountyConfigException.class, "matching.yml: name, sex and birth date with the weakest corroboration weigh 28.27 bits"), false));
        l.add(new Case("election.yml missing", s -> delete(s.county().resolve("election.yml")),
                refused(CountyConfigException.class, "找不到选举设置文件 (missing election settings)"), false));
        l.add(new Case("election.yml is not YAML", s -> write(s.county().resolve("election.yml"), "county-code: [\n  : :".getBytes(StandardCharsets.UTF_8)),
                refused(CountyConfigException.class, "无法解析 (cannot parse YAML)"), false));
        l.add(new Case("district file: one area code in two districts", s -> replaceIn(s.county().resolve("xuanqu.csv"),
                "341299100-02,城关镇第二选区,341299100,居住,341299100001,", "341299100-02,城关镇第二选区,341299100,居住,341299100001;341299100201,"),
                refused(CountyConfigException.class, "区划代码 341299100201 is covered by two districts, 341299100-01 and 341299100-02"), false));
        l.add(new Case("district file: one district code twice", s -> replaceIn(s.county().resolve("xuanqu.csv"),
                "341299100-02,城关镇第二选区", "341299100-01,城关镇第二选区"),
                refused(CountyConfigException.class, "选区编码 341299100-01 appears twice"), false));
        l.add(new Case("district file: missing column", s -> dropColumn(s.county().resolve("xuanqu.csv"), "乡镇代码"),
                refused(CountyConfigException.class, "missing column 乡镇代码"), false));
        l.add(new Case("district file missing", s -> delete(s.county().resolve("xuanqu.csv")),
                refused(CountyConfigException.class, "找不到选区文件 (missing district file)"), false));
        l.add(new Case("district of another county", s -> replaceIn(s.county().resolve("xuanqu.csv"), "341299201,居住", "341288201,居住"),
                refused(CountyConfigException.class, "乡镇代码 must be a 9-digit township code of county 341299, got '341288201'"), false));
        // ---- completeness: the nightly job takes a delivery only when READY says it is complete
        l.add(new Case("no READY file (agencies still writing)", s -> { },
                refused(Delivery.NotReadyException.class, "交付未完成 (delivery not complete): no READY file in"), true));
        l.add(new Case("READY digest differs (file still being written)", s -> {
                    ready(s.inbox());
                    appendLine(s.huji());
                }, refused(Delivery.NotReadyException.class, "huji_20261201.csv differs from its READY digest (still being written?)"), true));
        l.add(new Case("READY lists a file that is missing", s -> {
                    ready(s.inbox());
                    delete(s.inbox().resolve("waidi_20261201.csv"));
                }, refused(Delivery.NotReadyException.class, "waidi_20261201.csv is listed in READY but missing"), true));
        l.add(new Case("a file not listed in READY", s -> {
                    ready(s.inbox());
                    copyFile(s.huji(), s.inbox().resolve("huji_20261201_late.csv"));
                }, refused(Delivery.NotReadyException.class, "huji_20261201_late.csv is not listed in READY"), true));
        l.add(new Case("READY that is no manifest", s -> write(s.inbox().resolve("READY"), "all done\n".getBytes(StandardCharsets.UTF_8)),
                refused(Delivery.NotReadyException.class, "READY line 1 is not '<sha256>  <file name>'"), true));
        l.add(new Case("empty READY, a file written after it", s -> {
                    write(s.inbox().resolve("READY"), new byte[0]);
                    touch(s.inbox().resolve("READY"), 1_000_000);
                    touch(s.huji(), 2_000_000);
                }, refused(Delivery.NotReadyException.class, "huji_20261201.csv was modified after READY"), true));
        l.add(new Case("complete delivery with its READY manifest (control)", s -> ready(s.inbox()),
                o -> sameRollCompleted(o), true));
        return l.stream().map(Arguments::of);
    }

    // ---------------------------------------------------------------- expectations

    Consumer<Outcome> sameRoll(String file, String status, String message) {
        return o -> {
            sameRollCompleted(o);
            var row = jdbc.queryForMap("SELECT status, message FROM source_file WHERE run_id = ? AND file_name = ?", o.run().runId(), file);
            assertThat(row.get("status")).isEqualTo(status);
            assertThat((String) row.get("message")).contains(message);
            // the run report: summary.json (and report.html) name the file and say what became of it
            assertThat(summary(o)).contains(file).contains(status);
        };
    }

    void sameRollCompleted(Outcome o) {
        assertThat(o.error()).as("error").isNull();
        assertThat(o.run().status()).as(o.run().message()).isEqualTo(Run.COMPLETED);
        assertThat(roll(o.run().runId())).as("the good night's roll").isEqualTo(baselineRoll);
    }

    Consumer<Outcome> needsConfirmation(String message) {
        return o -> {
            assertThat(o.error()).isNull();
            assertThat(o.run().status()).isEqualTo(Run.NEEDS_CONFIRMATION);
            assertThat(o.run().message()).startsWith("需要人工确认 (needs an operator's confirmation): ").contains(message)
                    .endsWith("java -jar voter-roll.jar confirm " + o.run().runId());
            assertNothingPublished(o);
            try {
                Run confirmed = service.confirm(o.run().runId(), "test operator");
                assertThat(confirmed.status()).isEqualTo(Run.COMPLETED);
                assertThat(Path.of(confirmed.outputPath())).isDirectory();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    static Consumer<Outcome> refused(Class<? extends Throwable> type, String message) {
        return o -> {
            assertThat(o.run()).isNull();
            assertThat(o.error()).isInstanceOf(type).hasMessageContaining(message);
            assertThat(o.out()).doesNotExist();
        };
    }

    static void assertNothingPublished(Outcome o) {
        assertThat(o.out().resolve(o.run().runId())).doesNotExist();
        assertThat(o.run().outputPath()).isNull();
    }

    String note(Outcome o, String source) {
        return jdbc.queryForObject("SELECT note FROM run_source WHERE run_id = ? AND source = ?", String.class, o.run().runId(), source);
    }

    List<String> rejects(Outcome o, String source) {
        return jdbc.queryForList("SELECT reason || ' ' || raw FROM reject WHERE run_id = ? AND source = ?", String.class, o.run().runId(), source);
    }

    static String summary(Outcome o) {
        try {
            return Files.readString(Path.of(o.run().outputPath()).resolve("summary.json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    List<String> roll(String runId) {
        return jdbc.queryForList("SELECT district_code || ' ' || seq || ' ' || id_number FROM roll_line WHERE run_id = ? ORDER BY district_code, seq",
                String.class, runId);
    }

    // ---------------------------------------------------------------- ways to break a delivery

    static void copy(Path from, Path to) {
        try {
            FileSystemUtils.deleteRecursively(to);
            FileSystemUtils.copyRecursively(from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void copyFile(Path from, Path to) {
        write(to, bytes(from));
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void write(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void touch(Path p, long millis) {
        try {
            Files.setLastModifiedTime(p, FileTime.fromMillis(millis));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] garbage(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The file's charset: UTF-8 when it decodes as such, else GB18030. */
    static Charset charsetOf(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB;
        }
    }

    static List<String> lines(Path p) {
        byte[] b = bytes(p);
        return new ArrayList<>(Arrays.asList(new String(b, charsetOf(b)).split("\r?\n")));
    }

    static void writeLines(Path p, Charset cs, List<String> lines) {
        write(p, (String.join("\n", lines) + "\n").getBytes(cs));
    }

    static void dropColumn(Path p, String column) {
        Charset cs = charsetOf(bytes(p));
        List<String> l = lines(p);
        int i = Arrays.asList(l.get(0).split(",", -1)).indexOf(column);
        assertThat(i).as(column).isNotNegative();
        List<String> out = new ArrayList<>();
        for (String line : l) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            if (cells.size() > i) cells.remove(i);
            out.add(String.join(",", cells));
        }
        writeLines(p, cs, out);
    }

    static void editYml(Path county, String from, String to) {
        replaceIn(county.resolve("election.yml"), from, to);
    }

    static void setCell(Path p, String rowStart, int column, String value) {
        Charset cs = charsetOf(bytes(p));
        List<String> out = new ArrayList<>();
        for (String line : lines(p)) {
            if (line.startsWith(rowStart)) {
                String[] c = line.split(",", -1);
                c[column] = value;
                line = String.join(",", c);
            }
            out.add(line);
        }
        writeLines(p, cs, out);
    }

    static void recode(Path p, Charset to) {
        byte[] b = bytes(p);
        write(p, new String(b, charsetOf(b)).getBytes(to));
    }

    static void replaceIn(Path p, String from, String to) {
        byte[] b = bytes(p);
        Charset cs = charsetOf(b);
        String s = new String(b, cs);
        assertThat(s).contains(from);
        write(p, s.replace(from, to).getBytes(cs));
    }

    static void keepRows(Path p, int rows) {
        List<String> l = lines(p);
        writeLines(p, charsetOf(bytes(p)), l.subList(0, 1 + rows));
    }

    static void cutMidLastLine(Path p) {
        byte[] b = bytes(p);
        String s = new String(b, charsetOf(b)).stripTrailing();
        int last = s.lastIndexOf('\n');
        write(p, s.substring(0, last + 1 + 25).getBytes(charsetOf(b)));
    }

    static void bomCrlf(Path p) {
        byte[] b = bytes(p);
        String s = new String(b, charsetOf(b));
        byte[] body = s.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF; out[1] = (byte) 0xBB; out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        write(p, out);
    }

    static void appendLine(Path p) {
        try {
            Files.write(p, "341299199901010000,迟到,,男,汉族,1999-01-01,100009,户主,城关镇,341299100201,正常,,\n".getBytes(GB),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A header, then 200 MB without a line break, streamed to disk (never held in memory). */
    static void hugeLine(Path p) {
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(lines(Examples.DIR.resolve("inbox/liudong_20261201.csv")).get(0).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 200; i++) out.write(chunk);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every person of the register in tonight's civil-affairs deaths. */
    static void everyoneDead(Path inbox) {
        Path m = inbox.resolve("minzheng_20261201.csv");
        List<String> out = new ArrayList<>(lines(m).subList(0, 1));
        for (String line : lines(inbox.resolve("huji_20261201.csv")).subList(1, 15)) {
            String[] c = line.split(",", -1);
            out.add(c[0] + "," + c[1] + "," + c[3] + ",2026-11-01,2026-11-03");
        }
        writeLines(m, StandardCharsets.UTF_8, out);
    }

    /** A READY manifest of the inbox as it is now (sha256sum format). */
    static void ready(Path inbox) {
        try (Stream<Path> s = Files.list(inbox)) {
            StringBuilder sb = new StringBuilder();
            for (Path p : s.sorted().toList()) sb.append(DigestUtils.sha256Hex(bytes(p))).append("  ").append(p.getFileName()).append('\n');
            write(inbox.resolve("READY"), sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
