package org.voterroll.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.voterroll.ops.OpsTestSupport;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/**
 * A person on the rolls of two counties of a province run (CROSS_COUNTY_DUPLICATE), decided in each county's own queue: the
 * province's check run in this JVM over county runs reconciled here, against the real PostgreSQL (no broker: ProvinceRunTest
 * has the workers). 李丽 is kept under her number in both copies of the example county, so 北河县 and 南山县 both list her.
 * Neither roll changes until a county decides; the county that strikes her does so on its own next run (除名册 外地登记), the
 * other county's roll never changes; a settled pair is not raised again; two decisions that clash (both keep, both strike:
 * then neither strikes) are raised again in both.
 */
// a schema of its own: the example county's copies run several times here and must not be other tests' previous rolls
@SpringBootTest(properties = {"voter-roll.guard.max-roll-change=1000", "voter-roll.guard.max-source-shrink=1"})
@ActiveProfiles("test")
class ProvinceDuplicatesTest {
    static final String SCHEMA = "province_duplicates";
    static final Charset GB18030 = Charset.forName("GB18030");
    static final String NORTH = "341298", SOUTH = "341297";
    /** 李丽, of the example county's household 100001 (城关镇东风村), kept under her number in both copies */
    static final String LI_LI = "341299198507200246";

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
    final LocalDateTime NOW = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    /** Each test's decisions its own: both tests decide on the same person between the same counties. */
    @BeforeEach
    void noDecisionsYet() {
        jdbc.update("DELETE FROM decision");
        jdbc.update("UPDATE province_run SET status = 'FAILED'");
    }

    @Test
    void theCountyThatStrikesDoesSoOnItsNextRunTheOtherKeepsAndNothingIsRaisedAgainUntilTheOtherStopsListing() throws Exception {
        Path north = county("b-341298", NORTH, "北河县", 1), south = county("c-341297", SOUTH, "南山县", 2);
        Run north1 = reconcile(north), south1 = reconcile(south);
        assertThat(listing(north1)).startsWith("true ");
        assertThat(listing(south1)).startsWith("true ");

        ProvinceRun p1 = province(NOW.minusMinutes(10), north1, south1);
        new CrossCountyCheck(p1, dataSource, GB18030).check();
        completed(p1);
        var raised = items(p1);
        assertThat(raised).extracting(i -> i.get("county_code") + " " + i.get("other_county_code") + " " + i.get("level"))
                .containsExactlyInAnyOrder(NORTH + " " + SOUTH + " blocking", SOUTH + " " + NORTH + " blocking");
        Map<String, Object> northItem = of(raised, NORTH), southItem = of(raised, SOUTH);
        assertThat(northItem.get("township_code")).as("in the township of her district: its clerk's queue").isEqualTo(NORTH + "100");
        assertThat((String) northItem.get("description")).contains("南山县（341297）" + district(south1)).contains("登记依据：安置地");

        // nothing decided: a county's next run changes nothing
        Run north2 = reconcile(north);
        assertThat(listing(north2)).startsWith("true ");

        // 北河县 strikes her (the ground given), 南山县 has not decided: only 北河县's roll changes, on its next run
        ProvinceRecorder.decide(jdbc, northItem, "REMOVE_HERE", "本人确认在南山县居住并登记", NOW.minusMinutes(5));
        Run south2 = reconcile(south), north3 = reconcile(north);
        assertThat(listing(south2)).as("南山县 did not decide: its roll is unchanged").startsWith("true ");
        assertThat(listing(north3)).isEqualTo("false REGISTERED_ELSEWHERE");
        String removed = Files.readString(Path.of(north3.outputPath()).resolve("books").resolve(district(north2) + "_除名.csv"), GB18030);
        assertThat(removed).contains(LI_LI + ",外地登记");

        // the next province run: on one roll only, nothing raised for her in either county
        ProvinceRun p2 = province(NOW, north3, south2);
        new CrossCountyCheck(p2, dataSource, GB18030).check();
        completed(p2);
        assertThat(items(p2)).isEmpty();
        Run north4 = reconcile(north);
        assertThat(listing(north4)).as("南山县 still lists her: the decision stands").isEqualTo("false REGISTERED_ELSEWHERE");

        // 南山县 no longer lists her (her household register there gone): 北河县 lists her again on the run after
        Path southHuji = south.resolve("inbox").resolve("huji_20261201.csv");
        List<String> lines = Files.readAllLines(southHuji, GB18030);
        Files.write(southHuji, lines.stream().filter(l -> !l.startsWith(LI_LI)).toList(), GB18030);
        Run south3 = reconcile(south);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ? AND id_number = ?", Long.class, south3.runId(), LI_LI)).isZero();
        ProvinceRun p3 = province(NOW.plusMinutes(1), north4, south3);
        new CrossCountyCheck(p3, dataSource, GB18030).check();
        completed(p3);
        assertThat(listing(reconcile(north))).as("listed nowhere else: not struck any more").startsWith("true ");
    }

    @Test
    void whenBothCountiesKeepHerTheyAreBothAskedAgainAndAStrikeAfterwardsSettlesIt() throws Exception {
        Path north = county("b-341298", NORTH, "北河县", 1), south = county("c-341297", SOUTH, "南山县", 2);
        Run north1 = reconcile(north), south1 = reconcile(south);
        ProvinceRun p1 = province(NOW.minusMinutes(20), north1, south1);
        new CrossCountyCheck(p1, dataSource, GB18030).check();
        completed(p1);
        ProvinceRecorder.decide(jdbc, of(items(p1), NORTH), "KEEP_HERE", null, NOW.minusMinutes(15));

        // 北河县 keeps her: not asked again; 南山县's item stays, saying what 北河县 decided
        ProvinceRun p2 = province(NOW.minusMinutes(10), north1, south1);
        new CrossCountyCheck(p2, dataSource, GB18030).check();
        completed(p2);
        var p2Items = items(p2);
        assertThat(p2Items).extracting(i -> i.get("county_code")).containsExactly(SOUTH);
        assertThat((String) p2Items.get(0).get("description")).contains("北河县已于 " + NOW.minusMinutes(15).toLocalDate() + " 决定“本县保留（对方县核减）”");
        assertThat(p2Items.get(0).get("fingerprint")).as("the same evidence, the same item").isEqualTo(of(items(p1), SOUTH).get("fingerprint"));

        // 南山县 keeps her too: the clash is raised again in both, under a fingerprint of its own
        ProvinceRecorder.decide(jdbc, p2Items.get(0), "KEEP_HERE", null, NOW.minusMinutes(8));
        Run north2 = reconcile(north), south2 = reconcile(south);
        assertThat(listing(north2)).startsWith("true ");
        assertThat(listing(south2)).startsWith("true ");
        ProvinceRun p3 = province(NOW.minusMinutes(5), north2, south2);
        new CrossCountyCheck(p3, dataSource, GB18030).check();
        completed(p3);
        var clash = items(p3);
        assertThat(clash).extracting(i -> (String) i.get("county_code")).containsExactlyInAnyOrder(NORTH, SOUTH);
        assertThat(clash).allSatisfy(i -> assertThat((String) i.get("description")).startsWith("两县都决定保留此人"));
        assertThat(of(clash, NORTH).get("fingerprint")).isNotEqualTo(of(items(p1), NORTH).get("fingerprint"));

        // 南山县 strikes her on the clash's item: its own next run does; 北河县's roll never changes; nothing raised after
        ProvinceRecorder.decide(jdbc, of(clash, SOUTH), "REMOVE_HERE", "经与北河县核实，户籍与居住均在北河县", NOW.minusMinutes(3));
        Run south3 = reconcile(south), north3 = reconcile(north);
        assertThat(listing(south3)).isEqualTo("false REGISTERED_ELSEWHERE");
        assertThat(listing(north3)).startsWith("true ");
        ProvinceRun p4 = province(NOW, north3, south3);
        new CrossCountyCheck(p4, dataSource, GB18030).check();
        assertThat(items(p4)).isEmpty();
    }

    @Test
    void whenBothCountiesStrikeHerNeitherDoesAndBothAreAskedAgain() throws Exception {
        Path north = county("b-341298", NORTH, "北河县", 1), south = county("c-341297", SOUTH, "南山县", 2);
        Run north1 = reconcile(north), south1 = reconcile(south);
        ProvinceRun p1 = province(NOW.minusMinutes(10), north1, south1);
        new CrossCountyCheck(p1, dataSource, GB18030).check();
        completed(p1);
        ProvinceRecorder.decide(jdbc, of(items(p1), NORTH), "REMOVE_HERE", "本人称在南山县登记", NOW.minusMinutes(8));
        ProvinceRecorder.decide(jdbc, of(items(p1), SOUTH), "REMOVE_HERE", "本人称在北河县登记", NOW.minusMinutes(7));
        Run north2 = reconcile(north), south2 = reconcile(south);
        assertThat(listing(north2)).as("two strikes that clash strike nobody").startsWith("true ");
        assertThat(listing(south2)).startsWith("true ");
        ProvinceRun p2 = province(NOW, north2, south2);
        new CrossCountyCheck(p2, dataSource, GB18030).check();
        assertThat(items(p2)).extracting(i -> (String) i.get("county_code")).containsExactlyInAnyOrder(NORTH, SOUTH);
        assertThat(items(p2)).allSatisfy(i -> assertThat((String) i.get("description")).startsWith("两县都决定核减此人").contains("为免漏登两县均未除名"));
    }

    private Path county(String job, String code, String name, int shift) throws Exception {
        Path dir = tmp.resolve("data").resolve(job);
        ProvinceFixture.county(dir, code, name, shift, Set.of(LI_LI));
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

    private void completed(ProvinceRun p) {
        runs.finish(p.provinceRunId(), ProvinceRun.COMPLETED, p.outputDir().toString(), null, p.startedAt().plusSeconds(30));
    }


    private List<Map<String, Object>> items(ProvinceRun p) {
        return jdbc.queryForList("SELECT * FROM province_exception WHERE province_run_id = ? AND code = ? AND id_numbers = ? ORDER BY item_no",
                p.provinceRunId(), CrossCountyCheck.CODE, LI_LI);
    }

    private static Map<String, Object> of(List<Map<String, Object>> items, String county) {
        return items.stream().filter(i -> county.equals(i.get("county_code"))).findFirst().orElseThrow();
    }

    private String listing(Run run) {
        return jdbc.queryForObject("SELECT listed || ' ' || COALESCE(reason, '-') FROM registration WHERE run_id = ? AND id_number = ?", String.class,
                run.runId(), LI_LI);
    }

    private String district(Run run) {
        return jdbc.queryForObject("SELECT district_code FROM roll_line WHERE run_id = ? AND id_number = ?", String.class, run.runId(), LI_LI);
    }
}
