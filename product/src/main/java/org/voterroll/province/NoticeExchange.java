package org.voterroll.province;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.ingest.Exchange;
import org.voterroll.ingest.TextEncoding;
import org.voterroll.ops.JobSpec;
import org.voterroll.roll.MoveIntoPlace;

/**
 * 谁登记、谁告知 (RULES.md "Inside a province run"): every in-migrant a county of the run listed on a
 * {@code 原选区资格证明} whose issuing county is another county of the run is told to that home county as an
 * {@code 已在外地登记} notice in the {@code waidi} format (SOURCES.md), dated the day the listing county's run listed
 * them, which the home county reads in its next run ({@link Exchange}).
 * <p>
 * The certificates ({@code 原选区资格证明}) the home counties issued from their queue ({@code CERTIFICATE_REQUEST},
 * {@link CertificateRequests}) go the other way, to the county that asked, in the same file: rows of the issuing county's
 * decisions (the latest per request, as of the province run's start), not of tonight's items, so a certificate stays in the
 * snapshot on the nights after the person is listed on it, and leaves it only when the county decides otherwise.
 * <p>
 * Each county's {@code exchange/waidi_省内往来.csv} is a full snapshot, written whole and moved into place: tonight's
 * notices of the run's counties, and the notices of counties not in this run kept as the file had them (a run of some
 * of the province's counties says nothing new of the others). Redone from the database when restarted.
 */
public class NoticeExchange implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(NoticeExchange.class);
    static final List<String> HEADER = List.of("公民身份号码", "姓名", "类型", "对方区划代码", "对方选举委员会", "日期");
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** Listed on a certificate (basis 资格证明) certainly linked to the certificate's row, the certificate's county in the run. */
    private static final String LISTED_ON_A_CERTIFICATE = """
            SELECT DISTINCT SUBSTRING(s.other_area, 1, 6) AS home_county, l.id_number, l.name, pc.county_code, r.county_name,
                   CAST(r.started_at AS DATE) AS listed_on
            FROM province_county pc
            JOIN run r ON r.run_id = pc.run_id AND r.status = 'COMPLETED'
            JOIN roll_line l ON l.run_id = pc.run_id AND l.basis = '资格证明'
            JOIN link k ON k.run_id = l.run_id AND k.person_id = l.person_id AND k.certain = TRUE
            JOIN src_record s ON s.rec_id = k.rec_id AND s.source = 'waidi' AND s.kind = '原选区资格证明'
            WHERE pc.province_run_id = ?
              AND SUBSTRING(s.other_area, 1, 6) IN (SELECT o.county_code FROM province_county o WHERE o.province_run_id = pc.province_run_id)
              AND SUBSTRING(s.other_area, 1, 6) <> pc.county_code
            ORDER BY home_county, pc.county_code, l.id_number""";

    /**
     * The certificates issued: a county's latest decision on each of its requests, made before the province run started (a
     * restart writes what the uninterrupted run wrote), is to issue; the request's person and asking county from its item.
     * Both counties in the run. A person asked twice (new evidence, another request) is one certificate, the first issued.
     */
    private static final String CERTIFICATES_ISSUED = """
            SELECT pe.other_county_code AS holder, d.county_code AS issuer, r.county_name AS issuer_name, pe.id_numbers, pe.names,
                   CAST(d.decided_at AS DATE) AS issued_on
            FROM decision d
            JOIN province_exception pe ON pe.county_code = d.county_code AND pe.fingerprint = d.fingerprint AND pe.code = d.code
            JOIN run r ON r.run_id = pe.run_id
            WHERE d.code = 'CERTIFICATE_REQUEST' AND d.verdict = 'ISSUE_CERTIFICATE'
              AND d.decision_id = (SELECT MAX(d2.decision_id) FROM decision d2
                                   WHERE d2.county_code = d.county_code AND d2.fingerprint = d.fingerprint AND d2.decided_at <= ?)
              AND pe.province_run_id = (SELECT MAX(p2.province_run_id) FROM province_exception p2
                                        WHERE p2.county_code = d.county_code AND p2.fingerprint = d.fingerprint)
              AND pe.id_numbers IS NOT NULL
              AND d.county_code IN (SELECT county_code FROM province_county WHERE province_run_id = ?)
              AND pe.other_county_code IN (SELECT county_code FROM province_county WHERE province_run_id = ?)
            ORDER BY holder, issuer, pe.id_numbers, issued_on, d.decision_id""";

    record Notice(String number, String name, String kind, String fromCounty, String fromCommittee, String date) {
        static final String REGISTERED_ELSEWHERE = "已在外地登记", CERTIFICATE = "原选区资格证明";

        List<String> cells() {
            return List.of(number, name, kind, fromCounty, fromCommittee, date);
        }
    }

    private final ProvinceRun run;
    private final JdbcTemplate jdbc;
    private final Charset charset;

    public NoticeExchange(ProvinceRun run, DataSource dataSource, Charset charset) {
        this.run = run;
        this.jdbc = new JdbcTemplate(dataSource);
        this.charset = charset;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        contribution.incrementWriteCount(exchange());
        return RepeatStatus.FINISHED;
    }

    /** Writes every county's file that has rows to hold (or had a file); returns the rows of the run's counties written. */
    public int exchange() throws IOException {
        Map<String, List<Notice>> byHome = new TreeMap<>();
        jdbc.query(LISTED_ON_A_CERTIFICATE, rs -> {
            byHome.computeIfAbsent(rs.getString("home_county"), h -> new ArrayList<>()).add(new Notice(rs.getString("id_number"),
                    rs.getString("name"), Notice.REGISTERED_ELSEWHERE, rs.getString("county_code"), rs.getString("county_name") + "选举委员会",
                    rs.getString("listed_on")));
        }, run.provinceRunId());
        Map<String, Map<String, Notice>> certificates = new TreeMap<>();
        jdbc.query(CERTIFICATES_ISSUED, rs -> {
            String number = rs.getString("id_numbers").strip();
            certificates.computeIfAbsent(rs.getString("holder"), h -> new LinkedHashMap<>()).putIfAbsent(rs.getString("issuer") + "|" + number,
                    new Notice(number, rs.getString("names"), Notice.CERTIFICATE, rs.getString("issuer"), rs.getString("issuer_name") + "选举委员会",
                            rs.getString("issued_on")));
        }, java.sql.Timestamp.valueOf(run.startedAt()), run.provinceRunId(), run.provinceRunId());
        Map<String, Path> countyDirs = new LinkedHashMap<>();
        jdbc.query("SELECT county_code, job_name FROM province_county WHERE province_run_id = ? ORDER BY job_name", rs -> {
            countyDirs.putIfAbsent(rs.getString(1), JobSpec.load(run.jobsDir().resolve(rs.getString(2))).county());
        }, run.provinceRunId());
        int written = 0;
        for (Map.Entry<String, Path> c : countyDirs.entrySet()) {
            List<Notice> mine = byHome.getOrDefault(c.getKey(), List.of());
            List<Notice> proofs = List.copyOf(certificates.getOrDefault(c.getKey(), Map.of()).values());
            Path file = Exchange.dir(c.getValue()).resolve(Exchange.PROVINCE_FILE);
            if (mine.isEmpty() && proofs.isEmpty() && !Files.exists(file)) continue;
            List<List<String>> rows = new ArrayList<>(kept(file, countyDirs.keySet()));
            mine.forEach(n -> rows.add(n.cells()));
            proofs.forEach(n -> rows.add(n.cells()));
            write(file, rows);
            written += mine.size() + proofs.size();
            log.info("province run {}: {} 已在外地登记 notice(s), {} 原选区资格证明 to county {} ({})", run.provinceRunId(), mine.size(),
                    proofs.size(), c.getKey(), file);
        }
        return written;
    }

    /** The rows of the county's file from counties this run does not hold. */
    private List<List<String>> kept(Path file, Set<String> runCounties) throws IOException {
        if (!Files.isRegularFile(file)) return List.of();
        List<List<String>> kept = new ArrayList<>();
        String text = Files.readString(file, TextEncoding.detect(file).charset());
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (Reader r = new java.io.StringReader(text)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String from = rec.isMapped("对方区划代码") ? rec.get("对方区划代码") : "";
                if (runCounties.contains(from.strip())) continue;
                List<String> row = new ArrayList<>();
                for (String h : HEADER) row.add(rec.isMapped(h) && rec.isSet(h) ? rec.get(h) : "");
                kept.add(row);
            }
        }
        return kept;
    }

    private void write(Path file, List<List<String>> rows) throws IOException {
        Files.createDirectories(file.getParent());
        // a hidden name until complete: a county run scanning the folder meanwhile skips it (dot files are not read)
        Path tmp = file.resolveSibling("." + file.getFileName() + ".partial");
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(tmp, charset), CSV)) {
            p.printRecord(HEADER);
            for (List<String> row : rows) p.printRecord(row);
        }
        MoveIntoPlace.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
