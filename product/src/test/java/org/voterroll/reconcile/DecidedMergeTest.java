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
import org.voterroll.normalize.IdNumbers;
import org.voterroll.run.Run;

/**
 * 一人多户 that a township decided is one person: the next run keeps one of the two police persons and moves the other's
 * records to them (RULES.md "One person, one line"), so the person is listed once and the item is not raised again.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class DecidedMergeTest {
    static final String FIRST = valid("34129919660412035"), SECOND = valid("34120219660412587");

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    /** Who this test's decision is by: it is deleted after the test, so that a later run of the suite on the same
     *  database finds the pair undecided again (a decision is applied on every later run of the county). */
    static final String DECIDED_BY = "decided-merge-test";

    @org.junit.jupiter.api.BeforeEach
    @org.junit.jupiter.api.AfterEach
    void forgetThisTestsDecisions() {
        jdbc.update("DELETE FROM decision WHERE decided_by = ?", DECIDED_BY);
    }

    @Test
    void aDecidedMultiRecordPairBecomesOnePersonOnTheNextRun(@TempDir Path tmp) throws Exception {
        // one dwelling, two households, two valid numbers: the tie beyond name, sex and birth that makes them seem one
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp)
                .append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                        FIRST + ",欧阳振华,,男,汉族,1966-04-12,100081,户主,城关镇东风村12组1号,341299100201,正常,,",
                        SECOND + ",欧阳振华,,男,汉族,1966-04-12,100082,户主,城关镇东风村12组1号,341299100201,正常,,"))
                .append("shebao_20261201.csv", StandardCharsets.UTF_8, List.of(
                        "欧阳振华," + SECOND + ",男,1966-04-12,样例县粮站,91341299MA0067890P,参保缴费,,,3000"));
        Path county = delivery.county, inbox = delivery.inbox;
        Run first = service.reconcile(county, inbox, tmp.resolve("out1"), null);
        assertThat(first.status()).as(first.message()).isEqualTo(Run.COMPLETED);

        List<Map<String, Object>> items = jdbc.queryForList("""
                SELECT fingerprint, id_numbers FROM exception_item WHERE run_id = ? AND code = 'PERSON_MULTI_RECORD' ORDER BY item_no""",
                first.runId());
        assertThat(items).isNotEmpty();
        String fingerprint = (String) items.get(0).get("fingerprint");
        String[] numbers = ((String) items.get(0).get("id_numbers")).split(";");
        assertThat(personsWith(first.runId(), numbers)).hasSize(2);
        long records = jdbc.queryForObject("""
                SELECT COUNT(*) FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? AND l.certain = TRUE AND r.id_number IN (?, ?)""", Long.class, first.runId(), numbers[0], numbers[1]);

        jdbc.update("""
                INSERT INTO decision (county_code, fingerprint, code, verdict, decided_by, decided_at, run_id)
                VALUES (?, ?, 'PERSON_MULTI_RECORD', 'SAME_PERSON', ?, CURRENT_TIMESTAMP, ?)""",
                first.countyCode(), fingerprint, DECIDED_BY, first.runId());
        Run next = service.reconcile(county, inbox, tmp.resolve("out2"), null);
        assertThat(next.status()).as(next.message()).isEqualTo(Run.COMPLETED);

        // one person now, holding every record of both numbers, listed once; the item is not raised again
        List<Long> merged = personsWith(next.runId(), numbers);
        assertThat(merged).hasSize(1);
        List<Long> linkedTo = jdbc.queryForList("""
                SELECT DISTINCT l.person_id FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? AND l.certain = TRUE AND r.id_number IN (?, ?)""", Long.class, next.runId(), numbers[0], numbers[1]);
        assertThat(linkedTo).containsExactly(merged.get(0));
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? AND l.certain = TRUE AND r.id_number IN (?, ?)""", Long.class, next.runId(), numbers[0], numbers[1]))
                .isEqualTo(records);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM link WHERE run_id = ? AND method = 'DECIDED'", Long.class, next.runId()))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration WHERE run_id = ? AND id_number IN (?, ?)", Long.class,
                next.runId(), numbers[0], numbers[1])).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exception_item WHERE run_id = ? AND fingerprint = ?", Long.class,
                next.runId(), fingerprint)).isZero();
    }

    private static String valid(String first17) {
        return first17 + IdNumbers.checkDigit(first17);
    }

    private List<Long> personsWith(String runId, String[] numbers) {
        return jdbc.queryForList("SELECT person_id FROM person_run WHERE run_id = ? AND id_number IN (?, ?) ORDER BY person_id",
                Long.class, runId, numbers[0], numbers[1]);
    }
}
