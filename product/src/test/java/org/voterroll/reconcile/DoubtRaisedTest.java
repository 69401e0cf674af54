package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * Issue 18: removal evidence whose number is a typo away removes nobody, and names the person it may be in a review item
 * (RULES.md "Removal needs the number itself", "never dropped without an item"). A death notice with a birth digit
 * mistyped (0412 as 0413) and a homophone name (李亭 for 李婷) was linked to nobody and raised only an anonymous ID_INVALID;
 * a deprivation whose check character X was typed one place early (…1X2 for …12X) was rejected as malformed.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class DoubtRaisedTest {
    static final String MOTHER = "34129919640910012X", DAUGHTER = "341299199004120222";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void removalEvidenceATypoAwayKeepsThePersonListedAndNamesThemForReview(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                MOTHER + ",李秀芳,,女,汉族,1964-09-10,100078,户主,城关镇东风村6组2号,341299100201,正常,,",
                DAUGHTER + ",李婷,,女,汉族,1990-04-12,100078,女,城关镇东风村6组2号,341299100201,正常,,"));
        delivery.append("minzheng_20261201.csv", StandardCharsets.UTF_8, List.of("341299199004130222,李亭,女,2026-08-01,2026-08-03"));
        delivery.append("xuanwei_20261201.csv", StandardCharsets.UTF_8, List.of(
                "3412991964091001X2,李秀芳,剥夺政治权利,2024-03-01,2027-02-28,样例县人民法院,(2024)样刑初字第31号"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        for (String number : List.of(MOTHER, DAUGHTER)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND id_number = ? AND listed", Integer.class,
                    run.runId(), number)).as(number + " stays listed").isEqualTo(1);
        }
        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND id_numbers = ?", String.class,
                run.runId(), DAUGHTER)).contains("DEATH_REVIEW");
        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND id_numbers = ?", String.class,
                run.runId(), MOTHER)).contains("MATCH_REVIEW");
        // one doubtful record, one item (issue 18): the notice's DEATH_REVIEW names the daughter and says its number fails
        // validation; no bare ID_INVALID for the same row besides
        String notice = jdbc.queryForObject("""
                SELECT r.file_name || ':' || r.line_no FROM src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id AND s.run_id = ?
                WHERE r.source = 'minzheng' AND r.name = '李亭'""", String.class, run.runId());
        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND evidence LIKE ?", String.class,
                run.runId(), "%" + notice + "%")).containsExactly("DEATH_REVIEW");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM reject WHERE run_id = ? AND file_name LIKE 'xuanwei%'""", Integer.class, run.runId()))
                .as("the swapped X is read, not rejected").isZero();
    }

    /**
     * independent5: a death notice under a living woman's very number with a man's name removes nobody and names her in a
     * DEATH_REVIEW (RULES.md: a record linked to nobody for certain names its likeliest people), not an anonymous
     * ID_INVALID in the county office's queue.
     */
    @Test
    void aDeathNoticeUnderAnotherPersonsNumberNamesTheNumbersHolder(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                DAUGHTER + ",李婷,,女,汉族,1990-04-12,100078,户主,城关镇东风村6组2号,341299100201,正常,,"));
        delivery.append("minzheng_20261201.csv", StandardCharsets.UTF_8, List.of(DAUGHTER + ",王德福,男,2026-08-01,2026-08-03"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND id_number = ? AND listed", Integer.class,
                run.runId(), DAUGHTER)).as("she stays listed").isEqualTo(1);
        String notice = jdbc.queryForObject("""
                SELECT r.file_name || ':' || r.line_no FROM src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id AND s.run_id = ?
                WHERE r.source = 'minzheng' AND r.name = '王德福'""", String.class, run.runId());
        assertThat(jdbc.queryForList("SELECT code || ' ' || id_numbers || ' ' || COALESCE(township_code, '-') FROM exception_item"
                        + " WHERE run_id = ? AND evidence LIKE ?", String.class, run.runId(), "%" + notice + "%"))
                .containsExactly("DEATH_REVIEW " + DAUGHTER + " 341299100");
    }

    /**
     * independent6: a 15-digit number has no check digit, so one typed wrong converts to a well-formed number of nobody.
     * A unit's row under such a number, name, sex and birth exact, is the resident one digit away (a certain repair); a
     * death notice under one removes nobody and names her in a DEATH_REVIEW. Both were a person of their own before:
     * the resident stayed at her register with no item, the notice raised nothing.
     */
    @Test
    void aFifteenDigitNumberOneDigitOffIsRepairedOrNamesTheResident(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                MOTHER + ",李秀芳,,女,汉族,1964-09-10,100078,户主,城关镇东风村6组2号,341299100201,正常,,",
                DAUGHTER + ",李婷,,女,汉族,1990-04-12,100078,女,城关镇东风村6组2号,341299100201,正常,,"));
        // the mother's 341299640910012 with its 13th digit mistyped; the daughter's 341299900412022 likewise
        delivery.append("shebao_20261201.csv", StandardCharsets.UTF_8, List.of(
                "李秀芳,341299640910042,女,1964-09-10,样例县机械厂,91341299MA0012345K,参保缴费,,,3800"));
        delivery.append("minzheng_20261201.csv", StandardCharsets.UTF_8, List.of("341299900412062,李婷,女,2026-08-01,2026-08-03"));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        assertThat(jdbc.queryForObject("SELECT district_code || ' ' || basis FROM registration WHERE run_id = ? AND id_number = ? AND listed",
                String.class, run.runId(), MOTHER)).isEqualTo("341299100-03 工作单位");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND id_number = ? AND listed", Integer.class,
                run.runId(), DAUGHTER)).as("the daughter stays listed").isEqualTo(1);
        String notice = jdbc.queryForObject("""
                SELECT r.file_name || ':' || r.line_no FROM src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id AND s.run_id = ?
                WHERE r.source = 'minzheng' AND r.name = '李婷'""", String.class, run.runId());
        assertThat(jdbc.queryForList("SELECT code || ' ' || id_numbers FROM exception_item WHERE run_id = ? AND evidence LIKE ?",
                String.class, run.runId(), "%" + notice + "%")).containsExactly("DEATH_REVIEW " + DAUGHTER);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_run WHERE run_id = ? AND id_number IN (?, ?)", Integer.class,
                run.runId(), "341299196409100429", "341299199004120628"))
                .as("no person of nobody's number").isZero();
    }
}
