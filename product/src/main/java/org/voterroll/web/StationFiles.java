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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
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

    /**
     * A published file of the district: {@code published} its path in the run's output directory (rolls/X.csv and
     * posting/X.csv have the same name), {@code fileName} the name it is downloaded under, saying what it is.
     */
    public record FileInfo(Kind kind, String label, String published, String fileName, long size, String sha256) {}

    /** The district's figures in a run: voters on the roll (by sex) and the change books' lines. */
    public record Counts(long voters, long men, long women, long added, long removed, long away) {}

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
            out.add(new FileInfo(k, k.label(), k.path(district), downloadName(district, k, "csv"), Files.size(f), sha));
        }
        return out;
    }

    public Optional<Download> download(String runId, String district, Kind kind, String format) throws IOException {
        Path f = outputDir(runId).resolve(kind.path(district));
        if (!Files.isRegularFile(f)) return Optional.empty();
        byte[] csv = Files.readAllBytes(f);
        if ("csv".equals(format)) {
            return Optional.of(new Download(downloadName(district, kind, "csv"), "text/csv; charset=" + encoding.name(), csv, sha256(csv)));
        }
        byte[] xlsx = xlsx(csv, kind.label());
        return Optional.of(new Download(downloadName(district, kind, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx, sha256(xlsx)));
    }

    /**
     * 341299100-02_选民名册.csv, 341299100-02_张榜公布名单.xlsx: the roll and the posting list share a published name
     * (rolls/X.csv, posting/X.csv), and downloaded side by side each must say what it is.
     */
    static String downloadName(String district, Kind kind, String format) {
        return district + "_" + kind.label() + "." + format;
    }

    /** The roll's voters by sex and the change books' lines of the district in the run. */
    public Counts counts(String runId, String district) {
        return jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM roll_line WHERE run_id = ? AND district_code = ?) AS voters,
                       (SELECT COUNT(*) FROM roll_line WHERE run_id = ? AND district_code = ? AND sex = 'M') AS men,
                       (SELECT COUNT(*) FROM roll_line WHERE run_id = ? AND district_code = ? AND sex = 'F') AS women,
                       (SELECT COUNT(*) FROM book_line WHERE run_id = ? AND district_code = ? AND book = 'ADDED') AS added,
                       (SELECT COUNT(*) FROM book_line WHERE run_id = ? AND district_code = ? AND book = 'REMOVED') AS removed,
                       (SELECT COUNT(*) FROM book_line WHERE run_id = ? AND district_code = ? AND book = 'AWAY') AS away""",
                (rs, i) -> new Counts(rs.getLong("voters"), rs.getLong("men"), rs.getLong("women"), rs.getLong("added"),
                        rs.getLong("removed"), rs.getLong("away")),
                runId, district, runId, district, runId, district, runId, district, runId, district, runId, district);
    }

    private Path outputDir(String runId) {
        String p = jdbc.queryForObject("SELECT output_path FROM run WHERE run_id = ?", String.class, runId);
        return Path.of(p);
    }

    /**
     * Every cell as text: identity numbers and codes must not turn into numbers in Excel. A sheet named for the file
     * (选民名册 …), the header row bold and frozen, and each column as wide as its widest cell (a CJK character counts
     * two), capped so that an address does not push the rest off the screen. Only the download: the published CSV is
     * served byte for byte.
     */
    byte[] xlsx(byte[] csv, String sheetName) throws IOException {
        List<CSVRecord> rows;
        try (Reader in = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(csv), encoding)) {
            rows = CSVFormat.DEFAULT.parse(in).getRecords();
        }
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            int[] widths = new int[rows.isEmpty() ? 0 : rows.get(0).size()];
            int r = 0;
            for (CSVRecord rec : rows) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rec.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(rec.get(c));
                    if (r == 0) cell.setCellStyle(header);
                    if (c >= widths.length) widths = java.util.Arrays.copyOf(widths, c + 1);
                    widths[c] = Math.max(widths[c], displayWidth(rec.get(c)));
                }
                r++;
            }
            for (int c = 0; c < widths.length; c++) sheet.setColumnWidth(c, Math.min(widths[c] + 2, 60) * 256);
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /** Characters as Excel's column width counts them: a Chinese character or full-width sign takes two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean wide = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
            w += wide ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    static String sha256(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }
}
