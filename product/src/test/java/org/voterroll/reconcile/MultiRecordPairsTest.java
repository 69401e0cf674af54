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
import org.voterroll.normalize.IdNumbers;
import org.voterroll.run.Run;

/**
 * 一人多户 under a second valid number "that belongs to nobody" (SOURCES.md): two police persons in two households with
 * one name, sex and birth date. The second number may differ from the first anywhere — here in the area code and the
 * sequence — and with one dwelling the pair goes to the township as PERSON_MULTI_RECORD, both listed until it decides.
 * Without a tie beyond name, sex and birth date (one dwelling, numbers a typo apart, a former name) the two are two
 * people and raise nothing: a stranger born the same day is as likely (RULES.md). A pair of whom neither is listed
 * changes no roll whichever they are, and raises nothing.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class MultiRecordPairsTest {
    static final String FIRST = valid("34129919660412035"), SECOND = valid("34120219660412587"),
            DEAD_A = valid("34129919410903011"), DEAD_B = valid("34129919410903473"),
            CHILD_A = valid("34129920150607013"), CHILD_B = valid("34129920150607639"),
            STRANGER_A = valid("34129919720819032"), STRANGER_B = valid("34129919720819508");

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void twoValidNumbersOfOneNameSexAndBirthInTwoHouseholdsAreAskedAboutWhereARollWouldDiffer(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp).append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                FIRST + ",欧阳振华,,男,汉族,1966-04-12,100091,户主,城关镇东风村12组1号,341299100201,正常,,",
                SECOND + ",欧阳振华,,男,汉族,1966-04-12,100092,户主,城关镇东风村12组1号,341299100201,正常,,",
                STRANGER_A + ",上官文静,,女,汉族,1972-08-19,100097,户主,城关镇东风村18组1号,341299100201,正常,,",
                STRANGER_B + ",上官文静,,女,汉族,1972-08-19,100098,户主,城关镇东风村19组7号,341299100201,正常,,",
                DEAD_A + ",诸葛明远,,男,汉族,1941-09-03,100093,户主,城关镇东风村14组2号,341299100201,死亡,2025-02-01,",
                DEAD_B + ",诸葛明远,,男,汉族,1941-09-03,100094,户主,城关镇东风村14组2号,341299100201,死亡,2026-03-09,",
                CHILD_A + ",司马思齐,,男,汉族,2015-06-07,100095,户主,城关镇东风村16组4号,341299100201,正常,,",
                CHILD_B + ",司马思齐,,男,汉族,2015-06-07,100096,户主,城关镇东风村16组4号,341299100201,正常,,"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        List<String> items = jdbc.queryForList("SELECT id_numbers FROM exception_item WHERE run_id = ? AND code = 'PERSON_MULTI_RECORD'",
                String.class, run.runId());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).split(";")).containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND listed AND id_number IN (?, ?)",
                Integer.class, run.runId(), FIRST, SECOND)).as("both listed until the township decides").isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM exception_item WHERE run_id = ? AND (id_numbers LIKE ? OR id_numbers LIKE ? OR id_numbers LIKE ?
                  OR id_numbers LIKE ?)""", Integer.class, run.runId(), "%" + DEAD_A + "%", "%" + DEAD_B + "%", "%" + CHILD_A + "%",
                "%" + CHILD_B + "%")).as("neither listed: nothing to decide").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exception_item WHERE run_id = ? AND (id_numbers LIKE ? OR id_numbers LIKE ?)",
                Integer.class, run.runId(), "%" + STRANGER_A + "%", "%" + STRANGER_B + "%"))
                .as("two valid numbers at two addresses with nothing else in common are two people (RULES.md)").isZero();
    }

    private static String valid(String first17) {
        return first17 + IdNumbers.checkDigit(first17);
    }
}
