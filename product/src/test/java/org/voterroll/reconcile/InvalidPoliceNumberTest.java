package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.run.Run;

/**
 * A police record whose number is unusable and repairs to nobody is not listed and raises ID_INVALID, also when a
 * stranger elsewhere with its name, sex and birth date is found for it as a fuzzy candidate: the candidate is no link,
 * and the stranger stays listed as they were.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class InvalidPoliceNumberTest {
    static final String STRANGER = "341299198811230140", UNUSABLE = "341299198811239875";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anUnusableNumberWithALookAlikeCandidateIsStillInvalid(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp).append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                STRANGER + ",陶思雨,,女,汉族,1988-11-23,100097,户主,城关镇东风村18组8号,341299100201,正常,,",
                UNUSABLE + ",陶思雨,,女,汉族,1988-11-23,200011,户主,河口乡柳湾村2组5号,341299201101,正常,,"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND names = '陶思雨' AND code = 'ID_INVALID'",
                String.class, run.runId())).hasSize(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? AND r.name = '陶思雨' AND r.household_key = 'hj:200011' AND l.certain = FALSE""", Integer.class,
                run.runId())).as("found as a candidate of the stranger").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT id_number FROM registration WHERE run_id = ? AND listed AND name = '陶思雨'", String.class,
                run.runId())).containsExactly(STRANGER);
    }
}
