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
 * Two police records under one number whose names are one character apart (王建国 / 王建华) are not "clearly different
 * people" (RULES.md ID_SHARED). In two households with the legacy 15-digit number in the second they are SOURCES.md's
 * 一人多户 — the old registration of the same number with a clerk's slip in the name — and RULES.md's certain link (the
 * 15-digit number counts as its 18-digit form): one person, listed once. Under one 18-digit number twice, in two
 * households, they go to the township as PERSON_MULTI_RECORD, both listed until it decides. In one household they are
 * what a shared number between twins looks like: ID_SHARED; and so are two surnames (王丽 / 李丽), whatever the
 * households.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class OneNumberTwoNamesTest {
    static final String TWO_HOMES = "341299197003010110", LEGACY = "341299700301011", TWINS = "341299197205150138",
            TWO_FAMILIES = "341299198008080227", ONE_NUMBER_TWO_HOMES = "341299197506010155";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void oneCharacterApartIsOnePersonUnderTheLegacyNumberAMultiRecordCaseUnderOneNumberAndASharedNumberWithinOneHousehold(
            @TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp).append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                TWO_HOMES + ",王建国,,男,汉族,1970-03-01,100081,户主,城关镇东风村7组1号,341299100201,正常,,",
                LEGACY + ",王建华,,男,汉族,1970-03-01,100082,户主,城关镇东风村8组2号,341299100201,正常,,",
                TWINS + ",李文涛,,男,汉族,1972-05-15,100083,子,城关镇东风村9组3号,341299100201,正常,,",
                TWINS + ",李文波,,男,汉族,1972-05-15,100083,子,城关镇东风村9组3号,341299100201,正常,,",
                TWO_FAMILIES + ",王丽,,女,汉族,1980-08-08,100084,户主,城关镇东风村10组4号,341299100201,正常,,",
                TWO_FAMILIES + ",李丽,,女,汉族,1980-08-08,100085,户主,城关镇东风村11组5号,341299100201,正常,,",
                ONE_NUMBER_TWO_HOMES + ",赵志刚,,男,汉族,1975-06-01,100086,户主,城关镇东风村12组6号,341299100201,正常,,",
                ONE_NUMBER_TWO_HOMES + ",赵志强,,男,汉族,1975-06-01,100087,户主,城关镇东风村13组7号,341299100201,正常,,"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        assertThat(codes(run, TWO_HOMES)).isEmpty();
        assertThat(persons(run, TWO_HOMES)).as("one person registered twice").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND id_number = ? AND listed", Integer.class,
                run.runId(), TWO_HOMES)).as("listed once").isEqualTo(1);
        assertThat(codes(run, ONE_NUMBER_TWO_HOMES)).containsExactly("PERSON_MULTI_RECORD");
        assertThat(persons(run, ONE_NUMBER_TWO_HOMES)).as("not merged without a township's decision").isEqualTo(2);
        assertThat(codes(run, TWINS)).containsExactly("ID_SHARED");
        assertThat(codes(run, TWO_FAMILIES)).as("another surname is another family").containsExactly("ID_SHARED");
    }

    private int persons(Run run, String number) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM person_run WHERE run_id = ? AND id_number = ?", Integer.class, run.runId(), number);
    }

    private List<String> codes(Run run, String number) {
        return jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND id_numbers LIKE ? ORDER BY code", String.class,
                run.runId(), "%" + number + "%");
    }
}
