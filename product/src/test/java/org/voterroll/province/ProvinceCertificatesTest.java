package org.voterroll.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.ops.OpsTestSupport;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/**
 * The whole round of RULES.md's in-migrant rule between two counties of a province run, with the province's two steps (check,
 * exchange) run in this JVM over county runs reconciled here, against the real PostgreSQL (no broker: ProvinceRunTest has the
 * workers). 南山县 finds 北河县's 张伟 resident long enough without proof → 北河县's queue is asked for the certificate (in the
 * township of his register) → issued → the next province run writes it into 南山县's exchange file → 南山县 lists him on it →
 * the province run after tells 北河县 (已在外地登记) → 北河县 strikes him. A person 北河县 does not hold is asked of its county
 * office; a refusal is not asked again; a rerun writes the same bytes.
 */
// a schema of its own: the example county's copies run several times here and must not be other tests' previous rolls
@SpringBootTest(properties = {"voter-roll.guard.max-roll-change=1000", "voter-roll.guard.max-source-shrink=1"})
@ActiveProfiles("test")
class ProvinceCertificatesTest {
    static final String SCHEMA = "province_certificates";
    static final Charset GB18030 = Charset.forName("GB18030");
    static final String NORTH = "341298", SOUTH = "341297";
    /** 张伟 of 北河县: household register 341298100201 (城关镇, township 341298100) */
    static final String ZHANG_WEI = ProvinceFixture.shift("341299198003120138", 1);
    /** a number of 北河县's area that 北河县's register does not hold */
    static final String STRANGER = "34129819900101555" + IdNumbers.checkDigit("34129819900101555");
    static final String HEADER = "公民身份号码,姓名,类型,对方区划代码,对方选举委员会,日期";
    /** a certificate from a county outside the run, already in 南山县's exchange file: kept as it is */
    static final String OUTSIDE = "330521198501011234,外县人,原选区资格证明,330521,德清县选举委员会,2026-10-01";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        OpsTestSupport.freshSchema(SCHEMA);
        r.add("spring.datasource.url", () -> OpsTestSupport.url(SCHEMA));
    }

    @Autowired ReconcileService service;
    @Autowired ProvinceRuns runs;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @TempDir Path tmp;
    int provinceRuns;
    /** the province runs start around now: one before the clerks decide, the others after */
    final LocalDateTime NOW = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    /** Each test's decisions its own: the two tests ask for the same person on the same evidence. */
    @BeforeEach
    void noDecisionsYet() {
        jdbc.update("DELETE FROM decision");
    }

    @Test
    void anIssuedCertificateTravelsToTheAskingCountyWhichListsThePersonAndTellsTheHomeCountyBack() throws Exception {
        Path north = county("b-341298", NORTH, "北河县", 1), south = county("c-341297", SOUTH, "南山县", 2);
        Files.writeString(south.resolve("inbox").resolve("liudong_20261201.csv"),
                ZHANG_WEI + ",张伟,男,1980-03-12,341298100201,城关镇新华社区9栋301,341297100001,2024-01-10,,务工\n"
                        + STRANGER + ",路人甲,男,1990-01-01,341298201102,城关镇新华社区9栋302,341297100001,2024-02-10,,务工\n",
                StandardOpenOption.APPEND);
        Run north1 = reconcile(north), south1 = reconcile(south);
        assertThat(codes(south1, ZHANG_WEI)).as("南山县: resident long enough, no proof").contains("INMIGRANT_ELIGIBLE");

        // the first province run: 北河县 is asked, for 张伟 in his register's township, for the stranger in its county office
        ProvinceRun p1 = province(NOW.minusMinutes(10), north1, south1);
        new CrossCountyCheck(p1, dataSource, GB18030).check();
        var asked = items(p1, CertificateRequests.CODE);
        assertThat(asked).extracting(i -> i.get("county_code") + " " + i.get("id_numbers") + " " + i.get("township_code") + " " + i.get("other_county_code"))
                .containsExactly(NORTH + " " + ZHANG_WEI + " 341298100 " + SOUTH, NORTH + " " + STRANGER + " null " + SOUTH);
        assertThat(asked).allSatisfy(i -> {
            assertThat(i.get("level")).isEqualTo("info");
            assertThat(i.get("run_id")).isEqualTo(north1.runId());
            assertThat(i.get("other_run_id")).isEqualTo(south1.runId());
            assertThat((String) i.get("description")).contains("南山县（341297）").contains("尚无原选区资格证明");
        });
        assertThat((String) asked.get(0).get("names")).isEqualTo("张伟");
        assertThat((String) asked.get(0).get("description")).contains("户籍在本县的张伟").contains("名单列于 341298100-");
        assertThat((String) asked.get(1).get("description")).contains("路人甲").contains("本县本次运行没有此公民身份号码的户籍人员");
        assertThat((String) asked.get(1).get("evidence")).contains(south1.runId()).contains("liudong_20261201.csv");
        assertThat(items(p1, CrossCountyCheck.CODE)).as("nobody on two rolls yet").isEmpty();
        List<String> csv = Files.readAllLines(p1.outputDir().resolve("exceptions.csv"), GB18030);
        assertThat(csv).hasSize(3).anySatisfy(l -> assertThat(l).startsWith("1," + NORTH + ",CERTIFICATE_REQUEST,info,341298100,"));
        assertThat(new NoticeExchange(p1, dataSource, GB18030).exchange()).as("nothing decided, nobody listed elsewhere").isZero();
        assertThat(south.resolve("county").resolve("exchange")).doesNotExist();

        // 北河县 decides: the certificate for 张伟, none for the stranger
        Files.createDirectories(south.resolve("county").resolve("exchange"));
        Files.writeString(south.resolve("county").resolve("exchange").resolve("waidi_省内往来.csv"), HEADER + "\r\n" + OUTSIDE + "\r\n", GB18030);
        LocalDateTime decidedAt = NOW.minusMinutes(5);
        ProvinceRecorder.decide(jdbc, asked.get(0), "ISSUE_CERTIFICATE", null, decidedAt);
        ProvinceRecorder.decide(jdbc, asked.get(1), "REFUSE_CERTIFICATE", "户籍已于2020年迁出本县", decidedAt);
        byte[] p1Items = Files.readAllBytes(p1.outputDir().resolve("exceptions.csv"));
        new CrossCountyCheck(p1, dataSource, GB18030).check();
        assertThat(Files.readAllBytes(p1.outputDir().resolve("exceptions.csv"))).as("a restart of the first run raises what it raised: "
                + "decisions after its start are the next run's").isEqualTo(p1Items);

        // the next province run (same county runs): not asked again, and the certificate is written to 南山县
        ProvinceRun p2 = province(NOW, north1, south1);
        new CrossCountyCheck(p2, dataSource, GB18030).check();
        assertThat(items(p2, CertificateRequests.CODE)).as("decided requests are not raised again").isEmpty();
        assertThat(new NoticeExchange(p2, dataSource, GB18030).exchange()).isEqualTo(1);
        Path southFile = south.resolve("county").resolve("exchange").resolve("waidi_省内往来.csv");
        assertThat(Files.readAllLines(southFile, GB18030)).containsExactly(HEADER, OUTSIDE,
                ZHANG_WEI + ",张伟,原选区资格证明," + NORTH + ",北河县选举委员会," + decidedAt.toLocalDate());
        byte[] written = Files.readAllBytes(southFile);
        new NoticeExchange(p2, dataSource, GB18030).exchange();
        assertThat(Files.readAllBytes(southFile)).as("rerun: the same bytes").isEqualTo(written);
        assertThat(north.resolve("county").resolve("exchange")).as("北河县: nobody listed elsewhere yet").doesNotExist();

        // 南山县's next run lists him on the certificate
        Run south2 = reconcile(south);
        assertThat(listing(south2, ZHANG_WEI)).isEqualTo("true 资格证明");
        assertThat(codes(south2, ZHANG_WEI)).doesNotContain("INMIGRANT_ELIGIBLE");
        assertThat(codes(south2, STRANGER)).as("refused: still eligible in 南山县's own queue").contains("INMIGRANT_ELIGIBLE");
        assertThat(jdbc.queryForObject("SELECT status FROM source_file WHERE run_id = ? AND file_name = ?", String.class, south2.runId(),
                "exchange/waidi_省内往来.csv")).isEqualTo("USABLE");

        // the province run after: on both rolls tonight; 北河县 told; the certificate stays in 南山县's snapshot
        ProvinceRun p3 = province(NOW.plusMinutes(1), north1, south2);
        new CrossCountyCheck(p3, dataSource, GB18030).check();
        assertThat(items(p3, CertificateRequests.CODE)).as("the refusal holds for the same evidence").isEmpty();
        assertThat(items(p3, CrossCountyCheck.CODE)).extracting(i -> i.get("county_code") + " " + i.get("id_numbers"))
                .containsExactlyInAnyOrder(NORTH + " " + ZHANG_WEI, SOUTH + " " + ZHANG_WEI);
        new NoticeExchange(p3, dataSource, GB18030).exchange();
        assertThat(Files.readAllBytes(southFile)).isEqualTo(written);
        String listedOn = jdbc.queryForObject("SELECT CAST(CAST(started_at AS DATE) AS VARCHAR) FROM run WHERE run_id = ?", String.class, south2.runId());
        assertThat(Files.readAllLines(north.resolve("county").resolve("exchange").resolve("waidi_省内往来.csv"), GB18030))
                .containsExactly(HEADER, ZHANG_WEI + ",张伟,已在外地登记," + SOUTH + ",南山县选举委员会," + listedOn);

        // … and 北河县's next run strikes him: one person, one roll
        Run north2 = reconcile(north);
        assertThat(jdbc.queryForObject("SELECT reason FROM registration WHERE run_id = ? AND id_number = ?", String.class, north2.runId(), ZHANG_WEI))
                .isEqualTo("REGISTERED_ELSEWHERE");
    }

    @Test
    void aRequestAnsweredLaterIsIssuedOnlyByTheRunsThatStartedAfterTheDecisionAndTheLatestDecisionCounts() throws Exception {
        Path north = county("b-341298", NORTH, "北河县", 1), south = county("c-341297", SOUTH, "南山县", 2);
        Files.writeString(south.resolve("inbox").resolve("liudong_20261201.csv"),
                ZHANG_WEI + ",张伟,男,1980-03-12,341298100201,城关镇新华社区9栋301,341297100001,2024-01-10,,务工\n", StandardOpenOption.APPEND);
        Run north1 = reconcile(north), south1 = reconcile(south);
        ProvinceRun p1 = province(NOW.minusMinutes(10), north1, south1);
        new CrossCountyCheck(p1, dataSource, GB18030).check();
        var asked = items(p1, CertificateRequests.CODE);
        assertThat(asked).hasSize(1);
        LocalDateTime at = NOW.minusMinutes(5);
        ProvinceRecorder.decide(jdbc, asked.get(0), "ISSUE_CERTIFICATE", null, at);
        ProvinceRecorder.decide(jdbc, asked.get(0), "REFUSE_CERTIFICATE", "误出具，收回", at.plusMinutes(1));
        ProvinceRun p2 = province(NOW, north1, south1);
        new CrossCountyCheck(p2, dataSource, GB18030).check();
        assertThat(new NoticeExchange(p2, dataSource, GB18030).exchange()).as("issued, then withdrawn: the latest decision counts").isZero();
        assertThat(south.resolve("county").resolve("exchange")).doesNotExist();
    }

    private Path county(String job, String code, String name, int shift) throws Exception {
        Path dir = tmp.resolve("data").resolve(job);
        ProvinceFixture.county(dir, code, name, shift, Set.of());
        Path jobDir = Files.createDirectories(tmp.resolve("jobs").resolve(job));
        Files.writeString(jobDir.resolve("job.yml"), "county: ../../data/" + job + "/county\ninbox: ../../data/" + job
                + "/inbox\nout: ../../out\nrequire-ready: false\n");
        return dir;
    }

    private Run reconcile(Path dir) throws Exception {
        Run run = service.reconcile(dir.resolve("county"), dir.resolve("inbox"), tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);
        return run;
    }

    /** A province run over these county runs, as the manager records one and its workers record their counties. */
    private ProvinceRun province(LocalDateTime now, Run... countyRuns) {
        return ProvinceRecorder.running(runs, jdbc, "province-test-" + (++provinceRuns) + "-" + System.nanoTime(), tmp.resolve("jobs"),
                tmp.resolve("out"), List.of("b-341298", "c-341297"), now, countyRuns);
    }


    private List<Map<String, Object>> items(ProvinceRun p, String code) {
        return jdbc.queryForList("SELECT * FROM province_exception WHERE province_run_id = ? AND code = ? ORDER BY item_no", p.provinceRunId(), code);
    }

    private List<String> codes(Run run, String number) {
        return jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND id_numbers = ?", String.class, run.runId(), number);
    }

    private String listing(Run run, String number) {
        return jdbc.queryForObject("SELECT listed || ' ' || COALESCE(basis, '-') FROM registration WHERE run_id = ? AND id_number = ?", String.class,
                run.runId(), number);
    }
}
