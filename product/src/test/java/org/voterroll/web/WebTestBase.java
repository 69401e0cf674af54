package org.voterroll.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voterroll.accounts.AccountService;
import org.voterroll.accounts.Role;
import org.voterroll.ops.OpsTestSupport;
import org.voterroll.province.ProvinceFixture;
import org.voterroll.province.ProvinceRecorder;
import org.voterroll.province.ProvinceRun;
import org.voterroll.province.ProvinceRuns;
import org.springframework.batch.core.repository.JobRepository;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/**
 * The real server on a random port against the test PostgreSQL, shared by the web tests (one context, one server). Before
 * the first test: this county's earlier decisions and the test accounts are cleared, accounts are created through
 * AccountService after one reconciliation of the fixture county has run, so every page has data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
abstract class WebTestBase {
    static final String PASSWORD = "correct-horse-battery";
    static final String OPERATOR = "web-test-op", CLERK = "web-test-clerk201", OTHER_CLERK = "web-test-clerk100",
            STATION = "web-test-station100-02", OTHER_STATION = "web-test-station201-01",
            COUNTY_OFFICE = "web-test-county", OTHER_COUNTY_OFFICE = "web-test-county999",
            PROVINCE_OFFICE = "web-test-province34", OTHER_PROVINCE_OFFICE = "web-test-province35";
    /** The second county of the province run: 北河县, the example county under another code (ProvinceFixture). */
    static final String NORTH = "341298";
    /** 钱雪, kept under her number in 北河县: listed in both counties on certificates, a CROSS_COUNTY_DUPLICATE in both */
    static final String QIAN_XUE = "320102199203031143";
    static final String TOWNSHIP = "341299201", OTHER_TOWNSHIP = "341299100";
    static final String DISTRICT = "341299100-02", OTHER_DISTRICT = "341299201-01";

    /** Codes a clerk must never read on these pages (file names such as huji_20261201.csv are file names, and stay). */
    static final Pattern CODES = Pattern.compile("(?<![A-Za-z_])(MATCH_REVIEW|DEATH_REVIEW|NO_DISTRICT|INMIGRANT_ELIGIBLE|DEATH_CONFLICT|ID_INVALID|"
            + "blocking|info|NUMBER|FUZZY|MATCHED|REPAIRED|EXACT|AGREE|SAME_DATE|huji|liudong|shebao|HUKOU|RESIDENCE|total)(?![A-Za-z_])");

    private static Run baseline;
    private static ProvinceRun province;

    @Value("${local.server.port}") int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReconcileService service;
    @Autowired AccountService accounts;
    @Autowired JobRepository jobRepository;
    @Autowired ProvinceRuns provinceRuns;
    @Autowired DataSource dataSource;

    /**
     * A schema of its own: another test's completed run of county 341299 (ProvinceRunTest's, 22 police rows) would be the
     * previous snapshot of the fixture's (14), and the guard would stop the fixture run as a shrunk delivery.
     */
    static final String SCHEMA = "web_tests";
    private static boolean schemaMade;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        synchronized (WebTestBase.class) {
            // once per JVM: the test classes of one context configuration share it, and a later context must find it as left
            if (!schemaMade) OpsTestSupport.freshSchema(SCHEMA);
            schemaMade = true;
        }
        registry.add("spring.datasource.url", () -> OpsTestSupport.url(SCHEMA));
        registry.add("voter-roll.jobs-dir", () -> WebFixture.jobsDir().toString());
    }

    @BeforeEach
    void prepareOnce() throws Exception {
        synchronized (WebTestBase.class) {
            if (baseline != null) return;
            jdbc.update("DELETE FROM decision WHERE county_code = ?", WebFixture.COUNTY);
            jdbc.update("DELETE FROM account WHERE name LIKE 'web-test-%'");
            jdbc.update("DELETE FROM audit_log");
            jdbc.update("DELETE FROM download_log");
            // first the run: accounts are only made for the townships and districts it read (AccountService)
            baseline = runNow();
            province = provinceRun();
            accounts.create(OPERATOR, Role.OPERATOR, null, PASSWORD, "test");
            accounts.create(CLERK, Role.TOWNSHIP, TOWNSHIP, PASSWORD, "test");
            accounts.create(OTHER_CLERK, Role.TOWNSHIP, OTHER_TOWNSHIP, PASSWORD, "test");
            accounts.create(STATION, Role.STATION, DISTRICT, PASSWORD, "test");
            accounts.create(OTHER_STATION, Role.STATION, OTHER_DISTRICT, PASSWORD, "test");
            accounts.create(COUNTY_OFFICE, Role.COUNTY, WebFixture.COUNTY, PASSWORD, "test");
            accounts.create(OTHER_COUNTY_OFFICE, Role.COUNTY, "999999", PASSWORD, "test");
            accounts.create(PROVINCE_OFFICE, Role.PROVINCE, "34", PASSWORD, "test");
            accounts.create(OTHER_PROVINCE_OFFICE, Role.PROVINCE, "35", PASSWORD, "test");
        }
    }

    /** A reconciliation of the fixture county, as the nightly job would run it. */
    Run runNow() throws Exception {
        Path job = WebFixture.jobDir();
        var spec = JobsDirectory.read(job);
        Run run = service.reconcile(spec.countyDir(), spec.inbox(), spec.out(), null);
        if (!Run.COMPLETED.equals(run.status())) throw new IllegalStateException("fixture run " + run.runId() + " " + run.message());
        return run;
    }

    static Run baseline() {
        return baseline;
    }

    static ProvinceRun province() {
        return province;
    }

    /**
     * A province run of this county's baseline run and 北河县's, recorded as the manager records one, with the real check:
     * 钱雪 on both rolls (CROSS_COUNTY_DUPLICATE in both), and 郑浩 of 河口乡 living in 北河县 long enough without proof, whose
     * certificate 北河县 asks of township 341299201 (CERTIFICATE_REQUEST).
     */
    ProvinceRun provinceRun() throws Exception {
        Path north = WebFixture.root().resolve("province").resolve("b-" + NORTH);
        if (!Files.isDirectory(north)) {
            ProvinceFixture.county(north, NORTH, "北河县", 1, Set.of(QIAN_XUE));
            Files.writeString(north.resolve("inbox").resolve("liudong_20261201.csv"), WebFixture.ZHENG_HAO_NUMBER
                    + ",郑浩,男,1983-04-18,341299201102,城关镇新华社区7栋501,341298100001,2024-01-01,,务工\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        Run northRun = service.reconcile(north.resolve("county"), north.resolve("inbox"), WebFixture.root().resolve("out"), null);
        if (!Run.COMPLETED.equals(northRun.status())) throw new IllegalStateException("北河县 run " + northRun.runId() + " " + northRun.message());
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("a-" + WebFixture.COUNTY, baseline);
        runs.put("b-" + NORTH, northRun);
        return ProvinceRecorder.completed(jobRepository, provinceRuns, dataSource, WebFixture.root().resolve("province"), WebFixture.root().resolve("out"), runs);
    }

    /** The province run's request to this county for 郑浩's certificate: its item number. */
    int certificateRequest() {
        return jdbc.queryForObject("SELECT item_no FROM province_exception WHERE province_run_id = ? AND code = 'CERTIFICATE_REQUEST' AND county_code = ? AND id_numbers = ?",
                Integer.class, province.provinceRunId(), WebFixture.COUNTY, WebFixture.ZHENG_HAO_NUMBER);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The latest completed run of the county: the one the township queue shows. */
    String latestRunId() {
        return jdbc.queryForObject("SELECT run_id FROM run WHERE county_code = ? AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1",
                String.class, WebFixture.COUNTY);
    }

    /**
     * An item of the run for which no township can be found, as the job writes one for a notice without an area code (RULES.md
     * sends it to the county office): the fixture county's data raise none of their own.
     */
    int countyOfficeItem(String runId) {
        List<Integer> have = jdbc.queryForList("SELECT item_no FROM exception_item WHERE run_id = ? AND township_code IS NULL ORDER BY item_no",
                Integer.class, runId);
        if (!have.isEmpty()) return have.get(0);
        int no = jdbc.queryForObject("SELECT MAX(item_no) + 1 FROM exception_item WHERE run_id = ?", Integer.class, runId);
        jdbc.update("""
                INSERT INTO exception_item (run_id, item_no, code, level, township_code, district_code, id_numbers, names, description, evidence, fingerprint)
                VALUES (?, ?, 'MATCH_REVIEW', 'blocking', NULL, NULL, NULL, '钱无址', '外地选委通知没有区划代码，无法确定乡镇', 'waidi_20261201.csv:9', ?)""",
                runId, no, "web-test-county-item-" + runId);
        return no;
    }

    /** A NO_DISTRICT item of the township (the only type a district may be chosen for), as the job writes one: the fixture raises none. */
    int noDistrictItem(String runId, String township) {
        List<Integer> have = jdbc.queryForList("SELECT item_no FROM exception_item WHERE run_id = ? AND code = 'NO_DISTRICT' AND township_code = ? ORDER BY item_no",
                Integer.class, runId, township);
        if (!have.isEmpty()) return have.get(0);
        int no = jdbc.queryForObject("SELECT MAX(item_no) + 1 FROM exception_item WHERE run_id = ?", Integer.class, runId);
        jdbc.update("""
                INSERT INTO exception_item (run_id, item_no, code, level, township_code, district_code, id_numbers, names, description, evidence, fingerprint)
                VALUES (?, ?, 'NO_DISTRICT', 'blocking', ?, NULL, NULL, '孙无区', '符合条件但没有选区覆盖其户籍地或居住地 (qualifies, but no district covers the addresses): 341299201999', 'huji_20261201.csv:99', ?)""",
                runId, no, township, "web-test-no-district-" + runId);
        return no;
    }

    int itemOf(String runId, String code, String township) {
        List<Integer> n = jdbc.queryForList("SELECT item_no FROM exception_item WHERE run_id = ? AND code = ? AND township_code = ? ORDER BY item_no",
                Integer.class, runId, code, township);
        if (n.isEmpty()) throw new IllegalStateException("no " + code + " for " + township + " in " + runId);
        return n.get(0);
    }

    static List<String> englishCodes(String pageText) {
        return CODES.matcher(pageText).results().map(m -> m.group()).toList();
    }

    /**
     * A township queue long enough to page: {@code count} more info items as the job writes them for in-migrants, each raised
     * on its own, their fingerprints starting with {@code fingerprint} so the test that added them can remove them.
     */
    void bulkItems(String runId, String township, String fingerprint, int count) {
        int next = jdbc.queryForObject("SELECT MAX(item_no) FROM exception_item WHERE run_id = ?", Integer.class, runId);
        for (int i = 1; i <= count; i++) {
            jdbc.update("""
                    INSERT INTO exception_item (run_id, item_no, code, level, township_code, district_code, id_numbers, names, description, evidence, fingerprint)
                    VALUES (?, ?, 'INMIGRANT_ELIGIBLE', 'info', ?, NULL, NULL, ?, '流入人员居住满 14 个月，尚无原选区资格证明，可动员其登记 (resident 14 months)',
                            'liudong_20261201.csv:' || ?, ?)""", runId, next + i, township, "流入" + i, String.valueOf(100 + i), fingerprint + runId + "-" + i);
        }
    }
}
