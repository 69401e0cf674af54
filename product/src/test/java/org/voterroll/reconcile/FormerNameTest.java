package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * The statistics survey still knows 王秀英 by the name she was registered under before (曾用名 王招娣, in the police
 * register): its row without a number, at her home, is linked to her by weighted evidence (FORMER_NAME + the same
 * dwelling + birth month + village), and the link says so. Her neighbour's daughter, who really is 王招娣, is not
 * drawn to her: another birth month never meets her block.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class FormerNameTest {
    static final String XIUYING = "341299199004120249";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSurveyRowUnderTheRegistersFormerNameFindsItsPerson(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                XIUYING + ",王秀英,王招娣,女,汉族,1990-04-12,100077,户主,城关镇东风村6组3号,341299100201,正常,,"));
        delivery.append("tongji_20261201.csv", StandardCharsets.UTF_8, List.of(
                "T0901,东风村六组三号,341299100201,王招娣,女,199004,,本村(居),常住,",
                "T0902,城关镇东风村6组5号,341299100201,王招娣,女,201006,,本村(居),常住,"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        List<Map<String, Object>> links = jdbc.queryForList("""
                SELECT l.method, l.evidence, pr.id_number FROM link l
                JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND r.source = 'tongji' AND r.name = '王招娣'""", run.runId());
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).containsEntry("method", "MATCHED").containsEntry("id_number", XIUYING);
        assertThat((String) links.get(0).get("evidence")).contains("FORMER_NAME", "SAME_DWELLING");
    }
}
