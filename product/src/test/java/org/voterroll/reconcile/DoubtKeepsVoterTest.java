package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.run.Run;

/**
 * Issue 18: doubt never removes a voter, and one doubtful record is one review item.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class DoubtKeepsVoterTest {
    static final String LI_TING = "341299199004120222", ZHANG_A = "341299197703050113", ZHANG_B = "341299197703050332";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    /**
     * Seen on the independent county (seed 7, 罗斌剑): a voter of the previous roll whose police record has a mistyped
     * number (0412 typed 0413, the check digit fails) and whose insurance record, under the right number, a homophone name
     * (李亭 for 李婷). The police record is only her candidate, so nothing considered her and she vanished from the roll
     * with a 除名 line. She stays in her previous district, the one MATCH_REVIEW about the police record says so, and that
     * record raises no bare ID_INVALID besides.
     */
    @Test
    void aPreviousVoterWhoseOnlyPoliceRecordIsUncertainStaysOnTheRoll(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                "341299199004130222,李婷,,女,汉族,1990-04-12,100078,户主,城关镇东风村6组2号,341299100201,正常,,"));
        delivery.append("shebao_20261201.csv", StandardCharsets.UTF_8, List.of(
                "李亭," + LI_TING + ",女,1990-04-12,样例县东风商店,91341299MA0099999X,参保缴费,,,3100"));
        Path previous = Files.createDirectories(tmp.resolve("previous/rolls"));
        Files.writeString(previous.resolve("341299100-01.csv"), """
                选区编码,选区名称,序号,姓名,性别,出生日期,公民身份号码,户籍地址,居住地址,登记依据,变动
                341299100-01,城关镇第一选区,1,李婷,女,1990-04-12,%s,城关镇东风村6组2号,,户籍地,保留
                """.formatted(LI_TING), StandardCharsets.UTF_8);

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), tmp.resolve("previous"));
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        assertThat(jdbc.queryForList("SELECT district_code FROM registration WHERE run_id = ? AND id_number = ? AND listed",
                String.class, run.runId(), LI_TING)).containsExactly("341299100-01");
        assertThat(jdbc.queryForList("SELECT district_code FROM roll_line WHERE run_id = ? AND id_number = ?",
                String.class, run.runId(), LI_TING)).containsExactly("341299100-01");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM book_line WHERE run_id = ? AND book = 'REMOVED' AND id_number = ?",
                Integer.class, run.runId(), LI_TING)).as("no 除名 line").isZero();
        List<Map<String, Object>> items = itemsAbout(run, "huji", "李婷");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("code")).isEqualTo("MATCH_REVIEW");
        assertThat((String) items.get(0).get("description")).contains("暂按上届名册保留").contains("号码校验不通过");
        assertThat(items.get(0).get("id_numbers")).isEqualTo(LI_TING);
    }

    /**
     * A death notice without a number for 张成, and two 张成 of one sex and birth date in the county (look-alike
     * strangers, numbers and households of their own): it was split into two DEATH_REVIEW items, one at each. It is one
     * DEATH_REVIEW naming both, and both stay listed.
     */
    @Test
    void aDeathNoticeThatMayBeEitherOfTwoStrangersIsOneItemNamingBoth(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                ZHANG_A + ",张成,,男,汉族,1977-03-05,100081,户主,城关镇东风村7组1号,341299100201,正常,,",
                ZHANG_B + ",张成,,男,汉族,1977-03-05,100082,户主,城关镇新华社区3栋201,341299100001,正常,,"));
        delivery.append("minzheng_20261201.csv", StandardCharsets.UTF_8, List.of(",张成,男,2026-07-01,2026-07-03"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        for (String number : List.of(ZHANG_A, ZHANG_B)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND id_number = ? AND listed", Integer.class,
                    run.runId(), number)).as(number + " stays listed").isEqualTo(1);
        }
        List<Map<String, Object>> items = itemsAbout(run, "minzheng", "张成");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("code")).isEqualTo("DEATH_REVIEW");
        assertThat(List.of(((String) items.get(0).get("id_numbers")).split(";"))).containsExactlyInAnyOrder(ZHANG_A, ZHANG_B);
    }

    /** The items whose evidence is the run's record of that source and name (file and line). */
    private List<Map<String, Object>> itemsAbout(Run run, String source, String name) {
        String where = jdbc.queryForObject("""
                SELECT r.file_name || ':' || r.line_no FROM src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id AND s.run_id = ?
                WHERE r.source = ? AND r.name = ?""", String.class, run.runId(), source, name);
        return jdbc.queryForList("SELECT code, id_numbers, description FROM exception_item WHERE run_id = ? AND evidence LIKE ?",
                run.runId(), "%" + where + "%");
    }
}
