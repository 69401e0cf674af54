package org.voterroll.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.roll.Sha256Sums;

/**
 * A district's published files of a run (OUTPUTS.md): the roll, the posting list and the change books, read from the
 * run's output directory. CSV is served as published (its digest is the one in SHA256SUMS); .xlsx is made from it.
 */
@Component
public class StationFiles {
    /** The kinds a station downloads; the file name pattern is fixed by OUTPUTS.md. */
    public enum Kind {
        roll("选民名册", "rolls/%s.csv"), posting("张榜公布名单", "posting/%s.csv"), added("新增选民册", "books/%s_新增.csv"),
        removed("除名册", "books/%s_除名.csv"), away("外出选民册", "books/%s_外出.csv");

        private final String label;
        private final String pattern;

        Kind(String label, String pattern) {
            this.label = label;
            this.pattern = pattern;
        }

        public String label() { return label; }

        public String path(String district) { return pattern.formatted(district); }
    }

    public record RunRef(String runId, LocalDateTime finishedAt) {}

    public record FileInfo(Kind kind, String label, String fileName, long size, String sha256) {}

    public record Download(String fileName, String contentType, byte[] bytes, String sha256) {}

    private final JdbcTemplate jdbc;
    private final Charset encoding;

    public StationFiles(JdbcTemplate jdbc, @Value("${voter-roll.output-encoding:GB18030}") String encoding) {
        this.jdbc = jdbc;
        this.encoding = Charset.forName(encoding);
    }

    /** Completed runs that published this district, newest first. */
    public List<RunRef> runs(String district) {
        return jdbc.query("""
                SELECT r.run_id, r.finished_at FROM run r
                WHERE r.status = 'COMPLETED' AND r.output_path IS NOT NULL
                  AND EXISTS (SELECT 1 FROM district d WHERE d.run_id = r.run_id AND d.district_code = ?)
                ORDER BY r.finished_at DESC LIMIT 100""", (rs, i) -> new RunRef(rs.getString(1), rs.getTimestamp(2).toLocalDateTime()), district);
    }

    /** "latest" or a run id, if that run is completed and has the district. */
    public Optional<RunRef> run(String district, String runId) {
        List<RunRef> runs = runs(district);
        if ("latest".equals(runId)) return runs.stream().findFirst();
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }

    public List<FileInfo> files(String runId, String district) throws IOException {
        Path dir = outputDir(runId);
        Map<String, String> sums = Sha256Sums.read(dir);
        List<FileInfo> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            Path f = dir.resolve(k.path(district));
            if (!Files.isRegularFile(f)) continue;
            String sha = sums.get(k.path(district));
            if (sha == null) sha = sha256(Files.readAllBytes(f));
            out.add(new FileInfo(k, k.label(), f.getFileName().toString(), Files.size(f), sha));
        }
        return out;
    }

    public Optional<Download> download(String runId, String district, Kind kind, String format) throws IOException {
        Path f = outputDir(runId).resolve(kind.path(district));
        if (!Files.isRegularFile(f)) return Optional.empty();
        byte[] csv = Files.readAllBytes(f);
        // the roll and the posting list share a published name (rolls/X.csv, posting/X.csv): downloaded side by side they must not
        String base = f.getFileName().toString().replaceFirst("\\.csv$", "") + (kind == Kind.posting ? "_张榜公布名单" : "");
        if ("csv".equals(format)) {
            return Optional.of(new Download(base + ".csv", "text/csv; charset=" + encoding.name(), csv, sha256(csv)));
        }
        byte[] xlsx = xlsx(csv);
        return Optional.of(new Download(base + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, sha256(xlsx)));
    }

    private Path outputDir(String runId) {
        String p = jdbc.queryForObject("SELECT output_path FROM run WHERE run_id = ?", String.class, runId);
        return Path.of(p);
    }

    /** Every cell as text: identity numbers and codes must not turn into numbers in Excel. */
    private byte[] xlsx(byte[] csv) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
             Reader in = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(csv), encoding)) {
            Sheet sheet = wb.createSheet("Sheet1");
            int r = 0;
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(in)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < rec.size(); c++) row.createCell(c).setCellValue(rec.get(c));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.close();
            return out.toByteArray();
        }
    }

    static String sha256(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }
}
