package org.voterroll.roll;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.run.Run;
import org.voterroll.run.StepProgress;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the files of OUTPUTS.md into {@code <out>/.<run id>.partial} and moves the directory to
 * {@code <out>/<run id>} only when everything is written: a run is visible whole or not at all.
 * <p>
 * The districts' files are written by a few threads at once, each district by one thread on a connection of its own
 * (the roll step committed what they read), while the step's own thread writes the county's files and counts the summary;
 * a file's bytes never depend on which thread wrote it. Every file is hashed as it is written, for SHA256SUMS.
 */
public class PublishTasklet implements Tasklet {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final int FETCH = 10_000;
    /** A district's files cost one core (decoding, CSV, encoding, hashing): more writers than cores only take turns. */
    private static final int WRITERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Run run;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final Charset charset;

    public PublishTasklet(Run run, DataSource dataSource, Charset charset) {
        this.run = run;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
        this.charset = charset;
    }

    public static Path finalDir(Run run) {
        return run.outDir().resolve(run.runId());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path target = finalDir(run);
        if (Files.isDirectory(target)) return RepeatStatus.FINISHED;
        Path tmp = run.outDir().resolve("." + run.runId() + ".partial");
        FileSystemUtils.deleteRecursively(tmp);
        Files.createDirectories(tmp.resolve("rolls"));
        Files.createDirectories(tmp.resolve("posting"));
        Files.createDirectories(tmp.resolve("books"));
        String id = run.runId();
        Map<String, String> districtNames = new LinkedHashMap<>();
        jdbc.query("SELECT district_code, district_name FROM district WHERE run_id = ? ORDER BY district_code",
                rs -> { districtNames.put(rs.getString(1), rs.getString(2)); }, id);
        Map<String, String> digests = new ConcurrentHashMap<>();
        Output out = new Output(tmp, charset, digests);

        StepProgress progress = StepProgress.of(chunkContext).phase("writing files", "districts written", districtNames.size());
        ExecutorService writers = Executors.newFixedThreadPool(Math.max(1, Math.min(WRITERS, districtNames.size())), threads());
        try {
            List<Future<?>> written = new ArrayList<>();
            for (var d : districtNames.entrySet()) {
                written.add(writers.submit(() -> {
                    onOwnConnection(db -> district(db, out, d.getKey(), d.getValue()));
                    progress.advance(1);
                    return null;
                }));
            }
            county(out);
            for (Future<?> f : written) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception x) throw x;
                    throw e;
                }
            }
        } finally {
            writers.shutdownNow();
            // no writer may still be writing into the hidden directory when the step ends, failed or not
            writers.awaitTermination(1, TimeUnit.MINUTES);
        }
        Map<String, Object> summary = new RunSummary(jdbc, run).build();
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(tmp.resolve("summary.json"), json.writeValueAsString(summary), StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("report.html"), new ReportPage().render(summary), StandardCharsets.UTF_8);
        Sha256Sums.write(tmp, digests);
        org.voterroll.run.TestHooks.reach("publish:before-move");
        MoveIntoPlace.move(tmp, target);
        return RepeatStatus.FINISHED;
    }

    /** A district's roll, posting list, and added, removed and away books. */
    private void district(JdbcTemplate db, Output out, String code, String name) throws IOException {
        String id = run.runId();
        try (CsvFile roll = out.open("rolls/" + code + ".csv", "选区编码", "选区名称", "序号", "姓名", "性别", "出生日期",
                "公民身份号码", "户籍地址", "居住地址", "登记依据", "变动");
             CsvFile post = out.open("posting/" + code + ".csv", "选区编码", "选区名称", "序号", "姓名", "性别", "出生年月", "公民身份号码")) {
            db.query("""
                    SELECT seq, name, sex, birth_date, id_number, hukou_address, residence_address, basis, change_kind
                    FROM roll_line WHERE run_id = ? AND district_code = ? ORDER BY seq""", rs -> {
                int seq = rs.getInt(1);
                String person = rs.getString(2), sex = sex(rs.getString(3)), birth = date(rs, 4), number = rs.getString(5);
                roll.text(code).text(name).value(seq).text(person).text(sex).text(birth).text(number).text(rs.getString(6))
                        .text(rs.getString(7)).text(rs.getString(8)).text(rs.getString(9)).end();
                post.text(code).text(name).value(seq).text(person).text(sex).text(birth == null ? "" : birth.substring(0, 7))
                        .text(IdNumbers.mask(number)).end();
            }, id, code);
        }
        book(db, out, "books/" + code + "_新增.csv", "ADDED", code);
        book(db, out, "books/" + code + "_除名.csv", "REMOVED", code);
        try (CsvFile away = out.open("books/" + code + "_外出.csv", "选区编码", "姓名", "性别", "出生日期", "公民身份号码", "外出去向", "来源")) {
            db.query("""
                    SELECT name, sex, birth_date, id_number, reason, note FROM book_line
                    WHERE run_id = ? AND book = 'AWAY' AND district_code = ? ORDER BY line_no""", rs -> {
                away.text(code).text(rs.getString(1)).text(sex(rs.getString(2))).text(date(rs, 3)).text(rs.getString(4))
                        .text(rs.getString(5)).text(rs.getString(6)).end();
            }, id, code);
        }
    }

    private void book(JdbcTemplate db, Output out, String file, String book, String code) throws IOException {
        try (CsvFile p = out.open(file, "选区编码", "姓名", "性别", "出生日期", "公民身份号码", "原因", "说明")) {
            db.query("""
                    SELECT name, sex, birth_date, id_number, reason, note FROM book_line
                    WHERE run_id = ? AND book = ? AND district_code = ? ORDER BY line_no""", rs -> {
                String note = rs.getString(6);
                p.text(code).text(rs.getString(1)).text(sex(rs.getString(2))).text(date(rs, 3)).text(rs.getString(4))
                        .text(rs.getString(5)).text(note == null ? "" : note).end();
            }, run.runId(), book, code);
        }
    }

    /** The county's files: the in-migrants, the exceptions and the rejects. */
    private void county(Output out) throws IOException {
        String id = run.runId();
        try (CsvFile p = out.open("books/流入人员.csv", "姓名", "性别", "出生日期", "公民身份号码", "户籍地区划代码", "居住地区划代码",
                "登记日期", "居住月数", "已有资格证明")) {
            streaming.query("""
                    SELECT name, sex, birth_date, id_number, area_code, other_area, start_date, months, has_proof FROM book_line
                    WHERE run_id = ? AND book = 'INMIGRANT' ORDER BY line_no""", rs -> {
                p.text(rs.getString(1)).text(sex(rs.getString(2))).text(date(rs, 3)).text(rs.getString(4)).text(rs.getString(5))
                        .text(rs.getString(6)).text(date(rs, 7)).value(rs.getInt(8)).text(rs.getBoolean(9) ? "是" : "否").end();
            }, id);
        }
        try (CsvFile p = out.open("exceptions.csv", "编号", "类型", "级别", "乡镇代码", "选区编码", "公民身份号码", "姓名", "说明", "证据")) {
            streaming.query("""
                    SELECT item_no, code, level, township_code, district_code, id_numbers, names, description, evidence
                    FROM exception_item WHERE run_id = ? ORDER BY item_no""", rs -> {
                p.value(rs.getInt(1));
                for (int c = 2; c <= 9; c++) p.text(rs.getString(c));
                p.end();
            }, id);
        }
        List<String> rejectSources = jdbc.queryForList("SELECT DISTINCT source FROM reject WHERE run_id = ? ORDER BY source", String.class, id);
        if (!rejectSources.isEmpty()) Files.createDirectories(out.dir.resolve("rejects"));
        for (String s : rejectSources) {
            try (CsvFile p = out.open("rejects/" + s + ".csv", "文件", "行号", "原因", "原始内容")) {
                streaming.query("SELECT file_name, line_no, reason, raw FROM reject WHERE run_id = ? AND source = ? ORDER BY file_name, line_no", rs -> {
                    // the raw line is the evidence of what arrived: copied as it is, line breaks and all
                    p.raw(rs.getString(1)).value(rs.getInt(2)).text(rs.getString(3)).raw(rs.getString(4)).end();
                }, id, s);
            }
        }
    }

    @FunctionalInterface
    private interface Reads {
        void on(JdbcTemplate db) throws Exception;
    }

    /**
     * Runs {@code reads} on a connection of the pool's own, in a read-only transaction: PostgreSQL fetches a result in
     * batches of {@link #FETCH} rows only inside a transaction.
     */
    private void onOwnConnection(Reads reads) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(c, true));
                db.setFetchSize(FETCH);
                reads.on(db);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "publish-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The hidden directory the files go to, their encoding, and the digests of those written. */
    private record Output(Path dir, Charset charset, Map<String, String> digests) {
        CsvFile open(String name, String... header) throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            DigestOutputStream bytes = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16), sha);
            // an encoder that reports a character the charset cannot hold, as Files.newBufferedWriter's does
            Writer text = new BufferedWriter(new OutputStreamWriter(bytes, charset.newEncoder()), 1 << 14);
            CsvFile f = new CsvFile(text, () -> digests.put(name, HexFormat.of().formatHex(sha.digest())));
            for (String h : header) f.value(h);
            f.end();
            return f;
        }
    }

    /**
     * One output file, written row by row: a text cell folded to one line ({@link Cells}), an absent one empty, a row ended
     * by {@link #end}. Its digest is recorded when it is closed.
     */
    private static final class CsvFile implements Closeable {
        private final Writer file;
        /** A row is formatted here and handed to the file whole: the file's writer takes a lock per call, the CSV printer calls it per character. */
        private final StringBuilder row = new StringBuilder(512);
        private final CSVPrinter printer;
        private final Runnable closed;

        CsvFile(Writer file, Runnable closed) throws IOException {
            this.file = file;
            this.printer = new CSVPrinter(row, CSV);
            this.closed = closed;
        }

        CsvFile text(String s) {
            return raw(Cells.fold(s));
        }

        /** A cell as it is, line breaks and all. */
        CsvFile raw(String s) {
            return value(s == null ? "" : s);
        }

        CsvFile value(Object v) {
            try {
                printer.print(v);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return this;
        }

        void end() {
            try {
                printer.println();
                file.append(row);
                row.setLength(0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            file.close();
            closed.run();
        }
    }

    private static String sex(String s) {
        return s == null ? "" : s.equals("M") ? "男" : "女";
    }

    private static String date(ResultSet rs, int col) throws SQLException {
        LocalDate d = rs.getObject(col, LocalDate.class);
        return d == null ? null : d.toString();
    }

    static String now() {
        return org.voterroll.run.RunClock.now().withNano(0).toString();
    }
}
