package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
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
 * A second police row of one person in another household, its number one digit off and its name a homophone (王玮 for
 * 王伟): neither a certain repair (homophones never agree for one) nor a number nobody can place. The person is listed
 * once and a PERSON_MULTI_RECORD names both records (RULES.md: the tie beyond name, sex and birth is the number one
 * typo away), not an ID_INVALID. And a police row in a township that xuanqu.csv does not have raises its NO_DISTRICT in
 * the county office's queue: no township of the county can handle it.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class SecondPoliceRecordTest {
    static final String PERSON = "341299199003150120", TYPO = "341299199003150150", ELSEWHERE = "341299197506020310";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSecondRowOneTypoAwayUnderAHomophoneIsAMultiRecordItem(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp).append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                PERSON + ",王伟,,女,汉族,1990-03-15,100301,户主,城关镇东风村5组1号,341299100201,正常,,",
                TYPO + ",王玮,,女,汉族,1990-03-15,100302,户主,城关镇东风村5组9号,341299100201,正常,,",
                ELSEWHERE + ",李强,,男,汉族,1975-06-02,300001,户主,新设乡新村1组1号,341299300201,正常,,"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        assertThat(jdbc.queryForList("SELECT id_number FROM registration WHERE run_id = ? AND listed AND name IN ('王伟', '王玮')",
                String.class, run.runId())).containsExactly(PERSON);
        List<Map<String, Object>> items = jdbc.queryForList(
                "SELECT code, id_numbers, names, township_code FROM exception_item WHERE run_id = ? AND names LIKE '%王%'", run.runId());
        assertThat(items).extracting(m -> m.get("code")).containsExactly("PERSON_MULTI_RECORD");
        assertThat(items.get(0).get("id_numbers")).isEqualTo(PERSON + ";" + TYPO);
        assertThat(items.get(0).get("names")).isEqualTo("王伟;王玮");
        assertThat(items.get(0).get("township_code")).isEqualTo("341299100");

        List<Map<String, Object>> unknown = jdbc.queryForList(
                "SELECT code, township_code FROM exception_item WHERE run_id = ? AND names = '李强'", run.runId());
        assertThat(unknown).extracting(m -> m.get("code")).containsExactly("NO_DISTRICT");
        assertThat(unknown.get(0).get("township_code")).as("the county office's queue").isNull();
    }
}
