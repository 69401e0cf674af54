package org.voterroll.roll;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.run.Run;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the files of OUTPUTS.md into {@code <out>/.<run id>.partial} and moves the directory to
 * {@code <out>/<run id>} only when everything is written: a run is visible whole or not at all.
 */
public class PublishTasklet implements Tasklet {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final Run run;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final Charset charset;

    public PublishTasklet(Run run, DataSource dataSource, Charset charset) {
        this.run = run;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
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

        org.voterroll.run.StepProgress progress = org.voterroll.run.StepProgress.of(chunkContext).phase("writing files", "districts started", districtNames.size());
        for (var d : districtNames.entrySet()) {
            progress.advance(1);
            String code = d.getKey(), name = d.getValue();
            try (CSVPrinter roll = printer(tmp.resolve("rolls/" + code + ".csv"), "选区编码", "选区名称", "序号", "姓名", "性别", "出生日期",
                    "公民身份号码", "户籍地址", "居住地址", "登记依据", "变动");
                 CSVPrinter post = printer(tmp.resolve("posting/" + code + ".csv"), "选区编码", "选区名称", "序号", "姓名", "性别", "出生年月", "公民身份号码")) {
                streaming.query("SELECT * FROM roll_line WHERE run_id = ? AND district_code = ? ORDER BY seq", rs -> {
                    String birth = date(rs, "birth_date");
                    print(roll, code, name, rs.getInt("seq"), rs.getString("name"), sex(rs), birth, rs.getString("id_number"),
                            rs.getString("hukou_address"), rs.getString("residence_address"), rs.getString("basis"), rs.getString("change_kind"));
                    print(post, code, name, rs.getInt("seq"), rs.getString("name"), sex(rs), birth == null ? "" : birth.substring(0, 7),
                            IdNumbers.mask(rs.getString("id_number")));
                }, id, code);
            }
            book(tmp.resolve("books/" + code + "_新增.csv"), "ADDED", code);
            book(tmp.resolve("books/" + code + "_除名.csv"), "REMOVED", code);
            try (CSVPrinter away = printer(tmp.resolve("books/" + code + "_外出.csv"), "选区编码", "姓名", "性别", "出生日期", "公民身份号码", "外出去向", "来源")) {
                streaming.query("SELECT * FROM book_line WHERE run_id = ? AND book = 'AWAY' AND district_code = ? ORDER BY line_no", rs -> {
                    print(away, code, rs.getString("name"), sex(rs), date(rs, "birth_date"), rs.getString("id_number"), rs.getString("reason"), rs.getString("note"));
                }, id, code);
            }
        }
        try (CSVPrinter p = printer(tmp.resolve("books/流入人员.csv"), "姓名", "性别", "出生日期", "公民身份号码", "户籍地区划代码", "居住地区划代码",
                "登记日期", "居住月数", "已有资格证明")) {
            streaming.query("SELECT * FROM book_line WHERE run_id = ? AND book = 'INMIGRANT' ORDER BY line_no", rs -> {
                print(p, rs.getString("name"), sex(rs), date(rs, "birth_date"), rs.getString("id_number"), rs.getString("area_code"),
                        rs.getString("other_area"), date(rs, "start_date"), rs.getInt("months"), rs.getBoolean("has_proof") ? "是" : "否");
            }, id);
        }
        try (CSVPrinter p = printer(tmp.resolve("exceptions.csv"), "编号", "类型", "级别", "乡镇代码", "选区编码", "公民身份号码", "姓名", "说明", "证据")) {
            streaming.query("SELECT * FROM exception_item WHERE run_id = ? ORDER BY item_no", rs -> {
                print(p, rs.getInt("item_no"), rs.getString("code"), rs.getString("level"), rs.getString("township_code"),
                        rs.getString("district_code"), rs.getString("id_numbers"), rs.getString("names"), rs.getString("description"),
                        rs.getString("evidence"));
            }, id);
        }
        List<String> rejectSources = jdbc.queryForList("SELECT DISTINCT source FROM reject WHERE run_id = ? ORDER BY source", String.class, id);
        if (!rejectSources.isEmpty()) Files.createDirectories(tmp.resolve("rejects"));
        for (String s : rejectSources) {
            try (CSVPrinter p = printer(tmp.resolve("rejects/" + s + ".csv"), "文件", "行号", "原因", "原始内容")) {
                streaming.query("SELECT * FROM reject WHERE run_id = ? AND source = ? ORDER BY file_name, line_no", rs -> {
                    // the raw line is the evidence of what arrived: copied as it is, line breaks and all
                    printRow(p, rs.getString("file_name"), rs.getInt("line_no"), Cells.fold(rs.getString("reason")), rs.getString("raw"));
                }, id, s);
            }
        }
        Map<String, Object> summary = new RunSummary(jdbc, run).build();
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(tmp.resolve("summary.json"), json.writeValueAsString(summary), StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("report.html"), new ReportPage().render(summary), StandardCharsets.UTF_8);
        Sha256Sums.write(tmp);
        org.voterroll.run.TestHooks.reach("publish:before-move");
        MoveIntoPlace.move(tmp, target);
        return RepeatStatus.FINISHED;
    }

    private void book(Path file, String book, String code) throws IOException {
        try (CSVPrinter p = printer(file, "选区编码", "姓名", "性别", "出生日期", "公民身份号码", "原因", "说明")) {
            streaming.query("SELECT * FROM book_line WHERE run_id = ? AND book = ? AND district_code = ? ORDER BY line_no", rs -> {
                print(p, code, rs.getString("name"), sex(rs), date(rs, "birth_date"), rs.getString("id_number"), rs.getString("reason"),
                        rs.getString("note") == null ? "" : rs.getString("note"));
            }, run.runId(), book, code);
        }
    }

    private CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, charset);
        CSVPrinter p = new CSVPrinter(w, CSV);
        p.printRecord((Object[]) header);
        return p;
    }

    /** A row of an output file, its text cells folded to one line ({@link Cells}). */
    private static void print(CSVPrinter p, Object... values) {
        Object[] folded = new Object[values.length];
        for (int i = 0; i < values.length; i++) folded[i] = values[i] instanceof String s ? Cells.fold(s) : values[i];
        printRow(p, folded);
    }

    private static void printRow(CSVPrinter p, Object... values) {
        try {
            List<Object> row = new ArrayList<>(values.length);
            for (Object v : values) row.add(v == null ? "" : v);
            p.printRecord(row);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sex(ResultSet rs) throws SQLException {
        String s = rs.getString("sex");
        return s == null ? "" : s.equals("M") ? "男" : "女";
    }

    private static String date(ResultSet rs, String col) throws SQLException {
        java.sql.Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate().toString();
    }

    static String now() {
        return org.voterroll.run.RunClock.now().withNano(0).toString();
    }
}
