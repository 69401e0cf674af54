package org.voterroll.province;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.voterroll.decisions.CrossCountyStandings;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.roll.MoveIntoPlace;
import org.voterroll.roll.Sha256Sums;

/**
 * The province-wide check after the counties' partitions (RULES.md "Inside a province run"): one person (the same
 * normalised number) on the rolls of two counties of the run raises a blocking {@code CROSS_COUNTY_DUPLICATE} in both,
 * each naming the other county, its district and the basis (登记依据) it listed the person on. Neither roll changes here: each
 * county's clerk decides on the county's own queue (本县保留 / 本县核减), and a county that strikes does so on its own next run
 * ({@link CrossCountyStandings}). A pair already settled (one keeps, the other strikes) or evidence decided already is not
 * raised again; two decisions that clash (both keep, both strike) are raised again in both. Then
 * the home counties' {@code CERTIFICATE_REQUEST}s for the in-migrants the others found eligible ({@link CertificateRequests}).
 * <p>
 * One join of the counties' roll lines by number, over each county's run of this province run. The items are kept in
 * province_exception and written to {@code <out>/province/<province run id>/exceptions.csv} (with SHA256SUMS), not added
 * to the counties' runs, whose exceptions.csv and SHA256SUMS are published already (docs/decisions.md "Cross-county items").
 * The step redoes its work from a clean slate when restarted.
 */
public class CrossCountyCheck implements Tasklet {
    static final String CODE = CrossCountyStandings.CODE;
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private static final String SAME_NUMBER = """
            WITH listed AS (
                SELECT pc.county_code, r.county_name, pc.run_id, l.district_code, d.district_name, d.township_code, l.seq,
                       l.id_number, l.name, l.basis
                FROM province_county pc
                JOIN run r ON r.run_id = pc.run_id AND r.status = 'COMPLETED'
                JOIN roll_line l ON l.run_id = pc.run_id
                LEFT JOIN district d ON d.run_id = l.run_id AND d.district_code = l.district_code
                WHERE pc.province_run_id = ?
            )
            SELECT a.county_code, a.run_id, a.township_code, a.district_code, a.seq, a.id_number, a.name, a.basis,
                   b.county_code AS other_county_code, b.county_name AS other_county_name, b.run_id AS other_run_id,
                   b.district_code AS other_district_code, b.district_name AS other_district_name, b.seq AS other_seq,
                   b.basis AS other_basis
            FROM listed a
            JOIN listed b ON b.id_number = a.id_number AND b.county_code <> a.county_code
            ORDER BY a.county_code, a.id_number, b.county_code, b.district_code, a.district_code""";

    /** One item of a county concerned, the other county named; CROSS_COUNTY_DUPLICATE's or CertificateRequests'. */
    record Item(int no, String code, String level, String countyCode, String runId, String township, String district, String number, String name,
                String description, String evidence, String fingerprint, String otherCounty, String otherRunId) {
    }

    private final ProvinceRun run;
    private final JdbcTemplate jdbc;
    private final Charset charset;

    public CrossCountyCheck(ProvinceRun run, DataSource dataSource, Charset charset) {
        this.run = run;
        this.jdbc = new JdbcTemplate(dataSource);
        this.charset = charset;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        contribution.incrementWriteCount(check());
        return RepeatStatus.FINISHED;
    }

    /** Raises the run's items afresh (a restart redoes them), writes the province run's directory; returns how many. */
    public int check() throws IOException {
        String id = run.provinceRunId();
        jdbc.update("DELETE FROM province_exception WHERE province_run_id = ?", id);
        List<Item> items = new ArrayList<>();
        // only decisions made before the run started count: a restart raises what the uninterrupted run raised
        CrossCountyStandings standings = CrossCountyStandings.load(jdbc, run.startedAt());
        Set<String> decided = new HashSet<>(jdbc.queryForList("""
                SELECT d.county_code || '|' || d.fingerprint FROM decision d WHERE d.code = ? AND d.decided_at <= ?""", String.class,
                CODE, Timestamp.valueOf(run.startedAt())));
        jdbc.query(SAME_NUMBER, rs -> {
            String county = rs.getString("county_code"), other = rs.getString("other_county_code"), number = rs.getString("id_number");
            String basis = rs.getString("basis"), otherBasis = rs.getString("other_basis");
            String otherDistrict = rs.getString("other_district_code");
            CrossCountyStandings.Standing here = standings.of(county, number, other), there = standings.of(other, number, county);
            boolean clash = here != null && there != null && here.verdict() == there.verdict();
            String fingerprint = Fingerprint.of(CODE, number, county, rs.getString("district_code"), other, otherDistrict);
            if (clash) {
                // both kept, or both struck (and so neither did): asked again of both, until one of them decides otherwise
                fingerprint = Fingerprint.of(CODE, number, county, other, "clash", String.valueOf(here.decisionId()), String.valueOf(there.decisionId()));
            } else if (here != null && there != null || decided.contains(county + "|" + fingerprint)) {
                // settled (one keeps, the other strikes on its next run), or this very evidence decided here already
                return;
            }
            String otherName = rs.getString("other_county_name");
            String description = "同一公民身份号码同时列入" + otherName + "（" + other + "）"
                    + otherDistrict + (rs.getString("other_district_name") == null ? "" : " " + rs.getString("other_district_name"))
                    + "的选民名单，登记依据：" + label(otherBasis) + "；本县列于" + rs.getString("district_code") + "，登记依据："
                    + label(basis) + "。两县核实并决定前，两县名单均不变（不重）";
            if (clash) {
                description = (here.verdict() == Verdict.KEEP_HERE
                        ? "两县都决定保留此人（本县 " + here.decidedAt().toLocalDate() + "，" + otherName + " " + there.decidedAt().toLocalDate()
                                + "），此人仍同时列入两县名单"
                        : "两县都决定核减此人（本县 " + here.decidedAt().toLocalDate() + "，" + otherName + " " + there.decidedAt().toLocalDate()
                                + "），为免漏登两县均未除名")
                        + "：请与" + otherName + "核实此人应在哪一县登记后重新决定。" + description;
            } else if (there != null) {
                description += "；" + otherName + "已于 " + there.decidedAt().toLocalDate() + " 决定“" + there.verdict().label() + "”";
            }
            String evidence = "省级运行 " + id + "：本县运行 " + rs.getString("run_id") + " rolls/" + rs.getString("district_code") + ".csv 序号 "
                    + rs.getInt("seq") + "；" + otherName + "运行 " + rs.getString("other_run_id") + " rolls/"
                    + otherDistrict + ".csv 序号 " + rs.getInt("other_seq");
            items.add(new Item(items.size() + 1, CODE, "blocking", county, rs.getString("run_id"), rs.getString("township_code"),
                    rs.getString("district_code"), number, rs.getString("name"), description, evidence, fingerprint, other, rs.getString("other_run_id")));
        }, id);
        // the home county's certificates for the in-migrants the others found eligible, after the duplicates
        items.addAll(CertificateRequests.raise(jdbc, run, items.size() + 1));
        jdbc.batchUpdate("""
                INSERT INTO province_exception (province_run_id, item_no, code, level, county_code, run_id, township_code, district_code,
                    id_numbers, names, description, evidence, fingerprint, other_county_code, other_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items, 500, (ps, it) -> {
            ps.setString(1, id);
            ps.setInt(2, it.no());
            ps.setString(3, it.code());
            ps.setString(4, it.level());
            ps.setString(5, it.countyCode());
            ps.setString(6, it.runId());
            ps.setString(7, it.township());
            ps.setString(8, it.district());
            ps.setString(9, it.number());
            ps.setString(10, it.name());
            ps.setString(11, it.description());
            ps.setString(12, it.evidence());
            ps.setString(13, it.fingerprint());
            ps.setString(14, it.otherCounty());
            ps.setString(15, it.otherRunId());
        });
        write(items);
        return items.size();
    }

    /** roll_line keeps the basis as RULES.md writes it (户籍地, 居住地, …); a missing one is said so. */
    private static String label(String basis) {
        return basis == null ? "（未记录）" : basis;
    }

    /** The province run's directory, written whole under a hidden name and moved into place (as a county run's). */
    private void write(List<Item> items) throws IOException {
        Path target = run.outputDir();
        Path tmp = target.resolveSibling("." + run.provinceRunId() + ".partial");
        FileSystemUtils.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(tmp.resolve("exceptions.csv"), charset), CSV)) {
            p.printRecord("编号", "县级代码", "类型", "级别", "乡镇代码", "选区编码", "公民身份号码", "姓名", "说明", "证据");
            for (Item it : items) {
                p.printRecord(it.no(), it.countyCode(), it.code(), it.level(), it.township(), it.district(), it.number(), it.name(), it.description(),
                        it.evidence());
            }
        }
        Sha256Sums.write(tmp);
        FileSystemUtils.deleteRecursively(target);
        MoveIntoPlace.move(tmp, target);
    }
}
