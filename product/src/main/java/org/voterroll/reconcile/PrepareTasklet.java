package org.voterroll.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.voterroll.county.CountyConfig;
import org.voterroll.county.Districts;
import org.voterroll.ingest.Column;
import org.voterroll.ingest.Exchange;
import org.voterroll.ingest.DeliveryFile;
import org.voterroll.ingest.DeliveryScanner;
import org.voterroll.ingest.RowCursor;
import org.voterroll.codes.Source;
import org.voterroll.ingest.TextEncoding;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.normalize.Names;
import org.voterroll.normalize.Sex;
import org.voterroll.normalize.LenientDates;
import org.voterroll.run.Run;
import org.voterroll.run.RunRepository;
import org.voterroll.store.BulkCopy;
import org.voterroll.store.Statistics;

/**
 * First step of a run: the county's districts, the delivery's files (which source, usable or not),
 * the snapshot each source uses, and the previous roll to compare against.
 */
public class PrepareTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(PrepareTasklet.class);

    private final Run run;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final RunRepository runs;

    public PrepareTasklet(Run run, JdbcTemplate jdbc, DataSource dataSource, RunRepository runs) {
        this.run = run;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.runs = runs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String id = run.runId();
        for (String t : List.of("district", "district_area", "district_unit", "source_file", "run_source", "previous_line")) {
            jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", id);
        }
        jdbc.update("DELETE FROM src_record WHERE snapshot_id IN (SELECT snapshot_id FROM snapshot WHERE run_id = ?)", id);
        jdbc.update("DELETE FROM snapshot WHERE run_id = ?", id);

        saveDistricts(CountyConfig.load(run.countyDir()).districts());
        // the scan only reads files: it runs beside the previous roll's load (issue 20), which needs this thread's
        // transaction; its failure still comes first, as when the scan ran before the roll
        FutureTask<Scanned> scanning = new FutureTask<>(this::scan);
        Thread scanner = new Thread(scanning, "scan-delivery");
        scanner.setDaemon(true);
        scanner.start();
        long t0 = System.nanoTime();
        Exception rollFailure = null;
        try {
            loadPreviousRoll();
            // decide joins the previous roll to every person: planned on the statistics of before this load (none of
            // this run's lines), PostgreSQL nests a loop over it (1M second night: decide 51 s -> over an hour)
            Statistics.refresh(jdbc, "previous_line");
            log.info("previous roll read in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            rollFailure = e;
        }
        Scanned scanned;
        try {
            scanned = scanning.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
        if (rollFailure != null) throw rollFailure;
        saveDelivery(scanned.files(), scanned.notices());
        return RepeatStatus.FINISHED;
    }

    private record Scanned(List<DeliveryFile> files, List<DeliveryFile> notices) {}

    private Scanned scan() throws IOException {
        long t0 = System.nanoTime();
        List<DeliveryFile> files = new DeliveryScanner().scan(run.inboxDir());
        List<DeliveryFile> notices = Exchange.scan(run.countyDir());
        log.info("delivery: {} files scanned in {} ms{}", files.size(), (System.nanoTime() - t0) / 1_000_000,
                notices.isEmpty() ? "" : ", " + notices.size() + " in " + Exchange.dir(run.countyDir()));
        return new Scanned(files, notices);
    }

    private void saveDistricts(Districts d) {
        String id = run.runId();
        jdbc.batchUpdate("INSERT INTO district (run_id, district_code, district_name, township_code, kind) VALUES (?, ?, ?, ?, ?)",
                d.districts().stream().map(x -> new Object[] {id, x.code(), x.name(), x.township(), x.kind()}).toList());
        jdbc.batchUpdate("INSERT INTO district_area (run_id, area_code, district_code) VALUES (?, ?, ?)",
                d.districtOfArea().entrySet().stream().map(e -> new Object[] {id, e.getKey(), e.getValue()}).toList());
        jdbc.batchUpdate("INSERT INTO district_unit (run_id, credit_code, district_code) VALUES (?, ?, ?)",
                d.districtOfUnit().entrySet().stream().map(e -> new Object[] {id, e.getKey(), e.getValue()}).toList());
    }

    private void saveDelivery(List<DeliveryFile> files, List<DeliveryFile> notices) {
        String id = run.runId();
        Map<Source, List<DeliveryFile>> bySource = new EnumMap<>(Source.class);
        for (DeliveryFile f : files) {
            saveFile(f, f.fileName());
            if (f.source() != null && (f.status() == DeliveryFile.Status.USABLE || f.status() == DeliveryFile.Status.UNUSABLE
                    || f.status() == DeliveryFile.Status.CONFLICT)) {
                bySource.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f);
            }
        }
        for (DeliveryFile f : notices) saveFile(f, Exchange.recordedName(f));
        List<DeliveryFile> usableNotices = notices.stream().filter(f -> f.status() == DeliveryFile.Status.USABLE).toList();
        for (Source s : Source.values()) {
            List<DeliveryFile> mine = bySource.getOrDefault(s, List.of());
            boolean usable = !mine.isEmpty() && mine.stream().allMatch(f -> f.status() == DeliveryFile.Status.USABLE);
            List<DeliveryFile> extra = s == Source.WAIDI ? usableNotices : List.of();
            if (usable || !extra.isEmpty()) {
                long snap = jdbc.queryForObject("SELECT nextval('snapshot_seq')", Long.class);
                jdbc.update("INSERT INTO snapshot (snapshot_id, run_id, county_code, source, loaded) VALUES (?, ?, ?, ?, FALSE)",
                        snap, id, run.countyCode(), s.prefix());
                String note = mine.size() + " file(s)" + (extra.isEmpty() ? "" : " + 省级往来通知 " + extra.size() + " file(s)");
                if (!usable) note = why(mine) + "; " + carryOver(s, snap);
                jdbc.update("INSERT INTO run_source (run_id, source, snapshot_id, state, note) VALUES (?, ?, ?, 'FRESH', ?)",
                        id, s.prefix(), snap, note);
                continue;
            }
            Long previous = previousSnapshot(s);
            String why = why(mine);
            String note = previous == null ? why + "; 没有以前的快照可用 (no earlier snapshot: the source is empty for this run)"
                    : why + "; 沿用上次快照 (the previous snapshot stays in force)";
            jdbc.update("INSERT INTO run_source (run_id, source, snapshot_id, state, note) VALUES (?, ?, ?, ?, ?)",
                    id, s.prefix(), previous, previous == null ? "NONE" : "PREVIOUS", note);
            log.warn("source {}: {}", s.prefix(), note);
        }
    }

    private void saveFile(DeliveryFile f, String name) {
        jdbc.update("""
                INSERT INTO source_file (run_id, file_name, file_no, source, status, encoding, size_bytes, sha256, message, sheets)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                run.runId(), name, f.fileNo(), f.source() == null ? null : f.source().prefix(), f.status().name(),
                f.encoding(), f.sizeBytes(), f.sha256(), printable(f.message()),
                f.sheets() == null ? null : String.join(",", f.sheets().stream().map(String::valueOf).toList()));
        if (f.status() != DeliveryFile.Status.USABLE) {
            log.warn("{}: {}", name, printable(f.message()));
        }
    }

    private static String why(List<DeliveryFile> mine) {
        return mine.isEmpty() ? "本次未送达 (not delivered tonight)"
                : mine.stream().anyMatch(f -> f.status() == DeliveryFile.Status.CONFLICT)
                ? "本次同一部分送来两个文件 (two files for one part tonight: " + String.join(", ", mine.stream()
                        .filter(f -> f.status() == DeliveryFile.Status.CONFLICT).map(DeliveryFile::fileName).toList()) + ")"
                : "本次文件不可用 (tonight's file is unusable)";
    }

    private Long previousSnapshot(Source s) {
        return jdbc.query("""
                SELECT snapshot_id FROM snapshot WHERE county_code = ? AND source = ? AND loaded = TRUE AND run_id <> ?
                  AND run_id IN (SELECT run_id FROM run WHERE status = 'COMPLETED')
                ORDER BY snapshot_id DESC LIMIT 1""", (rs, i) -> rs.getLong(1), run.countyCode(), s.prefix(), run.runId())
                .stream().findFirst().orElse(null);
    }

    /** rec_id's lower 40 bits (file and line, RecordMapper): a carried row keeps them under its new snapshot */
    private static final long SNAPSHOT_UNIT = 1L << 40;

    /**
     * The province's notices came tonight but the source's own files did not (or are unusable): the rows the last
     * snapshot read from the source's own files are carried into tonight's, so that a notice never pushes out a
     * certificate the source delivered before; the province's notices are read afresh.
     */
    private String carryOver(Source s, long snap) {
        Long previous = previousSnapshot(s);
        if (previous == null) return "只读取省级往来通知 (only the province's notices: no earlier snapshot)";
        String columns = String.join(", ", java.util.Arrays.stream(Column.values()).map(Column::sqlName).toList());
        String values = String.join(", ", java.util.Arrays.stream(Column.values()).map(c -> switch (c) {
            case REC_ID -> "? * " + SNAPSHOT_UNIT + " + MOD(rec_id, " + SNAPSHOT_UNIT + ")";
            case SNAPSHOT_ID -> "?";
            default -> c.sqlName();
        }).toList());
        int carried = jdbc.update("INSERT INTO src_record (" + columns + ") SELECT " + values
                + " FROM src_record WHERE snapshot_id = ? AND file_name NOT LIKE ?", snap, snap, previous, Exchange.PREFIX + "%");
        return "沿用上次快照中本来源文件的 " + carried + " 条记录，另读取省级往来通知 (the previous snapshot's own rows carried, the province's notices read afresh)";
    }

    private static final java.util.regex.Pattern ID_LIKE = java.util.regex.Pattern.compile("(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])");

    /**
     * A file's message as stored and logged: without control characters (a broken file's header may hold NUL bytes,
     * which PostgreSQL refuses) and with identity numbers masked (a file delivered without its header row shows a
     * data row as its "header").
     */
    static String printable(String s) {
        if (s == null) return null;
        String clean = s.replaceAll("[\\p{Cntrl}&&[^\\t]]", "?");
        return ID_LIKE.matcher(clean).replaceAll(m -> IdNumbers.mask(m.group(1)));
    }

    /** The baseline directory on a first run, else the county's last completed roll. */
    private void loadPreviousRoll() throws IOException, java.sql.SQLException {
        String id = run.runId();
        if (run.previousRunId() != null) {
            jdbc.update("""
                    INSERT INTO previous_line (run_id, line_no, district_code, id_number, name, sex, birth_date)
                    SELECT ?, ROW_NUMBER() OVER (ORDER BY district_code, seq), district_code, id_number, name, sex, birth_date
                    FROM roll_line WHERE run_id = ?""", id, run.previousRunId());
            return;
        }
        if (run.previousDir() == null) return;
        Path dir = Files.isDirectory(run.previousDir().resolve("rolls")) ? run.previousDir().resolve("rolls") : run.previousDir();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList();
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        int lineNo = 0;
        try (BulkCopy copy = BulkCopy.into(c, "previous_line", List.of("run_id", "line_no", "district_code", "id_number", "name", "sex", "birth_date"))) {
            for (Path f : files) {
                try (RowCursor cur = RowCursor.open(f, TextEncoding.detect(f))) {
                    List<String> h = cur.header();
                    int cd = h.indexOf("选区编码"), cn = h.indexOf("公民身份号码"), cm = h.indexOf("姓名"), cs = h.indexOf("性别"), cb = h.indexOf("出生日期");
                    if (cd < 0 || cn < 0 || cm < 0) {
                        throw new IllegalStateException("上届选民名册 " + f + " 缺少 OUTPUTS.md 规定的列：选区编码、姓名、公民身份号码（现有表头为 " + h
                                + "）；请提供本系统输出的 rolls/ 目录或按该格式整理的名册");
                    }
                    RowCursor.Row r;
                    while ((r = cur.next()) != null) {
                        String[] v = r.cells();
                        IdNumbers.Parsed p = IdNumbers.parse(v[cn]);
                        String number = p.number() != null ? p.number() : v[cn].strip();
                        Sex sex = cs < 0 || v[cs].isBlank() ? null : Sex.parse(v[cs]);
                        var birth = cb < 0 ? null : LenientDates.parseDate(v[cb]);
                        copy.add(id, ++lineNo, v[cd].strip(), number, Names.normalize(v[cm]).value(),
                                sex == null ? null : (sex == Sex.MALE ? "M" : "F"), birth == null ? null : birth.value());
                    }
                }
            }
        }
        log.info("previous roll: {} lines from {}", lineNo, dir);
    }
}
