package org.voterroll.reconcile;

import org.voterroll.Examples;
import org.voterroll.run.Run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The job on the example delivery (org.voterroll.Examples) against PostgreSQL: every row of EXPECTED.md, the files of
 * OUTPUTS.md. The guard is left wide open: the shared test database holds other tests' nights of this county (one with
 * more police rows made this delivery look like a shrunk source), and what this test checks is the outputs, not the guard.
 */
@SpringBootTest(properties = {ExampleDelivery.ANY_ROLL_CHANGE, "voter-roll.guard.max-source-shrink=1"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesAcceptanceTest {
    static final Charset GB18030 = Charset.forName("GB18030");

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;
    @TempDir static Path out;
    Run run;

    @BeforeAll
    void runJob() throws Exception {
        run = service.reconcile(Examples.DIR.resolve("county"), Examples.DIR.resolve("inbox"), out, null);
    }

    @Test
    void completesAndWritesEveryFileOfOutputsMd() {
        assertThat(run.status()).isEqualTo(Run.COMPLETED);
        Path dir = Path.of(run.outputPath());
        for (String f : List.of("rolls/341299100-02.csv", "posting/341299100-02.csv", "books/341299100-02_新增.csv",
                "books/341299100-02_除名.csv", "books/341299201-01_外出.csv", "books/流入人员.csv", "exceptions.csv",
                "summary.json", "report.html", "SHA256SUMS")) {
            assertThat(dir.resolve(f)).as(f).exists();
        }
        assertThat(out.resolve("." + run.runId() + ".partial")).doesNotExist();
    }

    @Test
    void explainShowsEveryLinkedRecordWithItsMethodAndEvidence() {
        var explanation = new org.voterroll.identity.Explanation(jdbc);
        assertThat(explanation.runOrLatest(run.runId())).isEqualTo(run.runId());
        List<Long> wu = explanation.personsByNumber(run.runId(), "341299197710101329");
        assertThat(wu).hasSize(1);
        String text = explain(explanation, wu.get(0));
        assertThat(text).contains("吴芳", "not listed (REGISTERED_ELSEWHERE)", "huji_20261201.csv:", "waidi_20261201.csv:",
                "shebao_20261201.csv:", "REPAIRED");
        // 郑浩's survey row has no number: name, sex, birth month, village and dwelling single him out, shown with their weights
        String zheng = explain(explanation, explanation.personsByNumber(run.runId(), "341299198304181436").get(0));
        assertThat(zheng).contains("listed in 341299201-01 (户籍地)", "matched   tongji_20261201.csv:", "MATCHED", "NAME=EXACT",
                "AREA=SAME_VILLAGE", "ADDRESS=SAME_DWELLING(+9.0)", "total=+39.1");
        // a legacy 15-digit number finds the same person as its 18-digit form
        assertThat(explanation.personsByNumber(run.runId(), "341299800312013")).hasSize(1);
    }

    @Test
    void explainWithoutARunSkipsARunThatFailedInsideResolve() {
        // what a run that fails after resolve's first phase leaves: persons of its own, no completed resolve step
        jdbc.update("""
                INSERT INTO run (run_id, county_code, county_name, election_day, in_migrant_months, county_dir, inbox_dir, out_dir, status, started_at)
                SELECT 'failed-in-resolve', county_code, county_name, election_day, in_migrant_months, county_dir, inbox_dir, out_dir, 'FAILED',
                       started_at + INTERVAL '1' DAY
                FROM run WHERE run_id = ?""", run.runId());
        jdbc.update("""
                INSERT INTO person_run (run_id, person_id, id_number, name, primary_rec_id, person_key)
                SELECT 'failed-in-resolve', person_id, id_number, name, primary_rec_id, person_key FROM person_run WHERE run_id = ?""", run.runId());
        try {
            String latest = new org.voterroll.identity.Explanation(jdbc).runOrLatest(null);
            assertThat(latest).isNotEqualTo("failed-in-resolve");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_run WHERE run_id = ?", Integer.class, latest)).isPositive();
        } finally {
            jdbc.update("DELETE FROM person_run WHERE run_id = 'failed-in-resolve'");
            jdbc.update("DELETE FROM run WHERE run_id = 'failed-in-resolve'");
        }
    }

    private String explain(org.voterroll.identity.Explanation explanation, long person) {
        var bytes = new java.io.ByteArrayOutputStream();
        explanation.print(run.runId(), person, new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void listedPeopleAreInTheirDistrictWithTheirBasis() {
        assertListed("341299198003120138", "341299100-02", "安置地");
        assertListed("341299198507200246", "341299100-02", "安置地");
        assertListed("341299200801050314", "341299100-02", "安置地");
        assertListed("341299198811110827", "341299100-03", "工作单位");
        assertListed("341299199505051210", "341299100-02", "居住地");
        assertListed("341299198304181436", "341299201-01", "户籍地");
        assertListed("320102199203031143", "341299100-02", "资格证明");
        assertThat(count("SELECT COUNT(*) FROM roll_line WHERE run_id = ?")).isEqualTo(7);
    }

    @Test
    void notListedPeopleHaveTheirReason() {
        Map<String, String> expected = Map.of("341299200812200429", "UNDER_18", "341299195001010513", "DECEASED",
                "341299197209090638", "MOVED_OUT", "341299199002140756", "MILITARY", "341299196606060913", "DECEASED",
                "341299197710101329", "REGISTERED_ELSEWHERE", "341299199108221642", "DEPRIVED");
        expected.forEach((number, reason) -> assertThat(jdbc.queryForObject(
                "SELECT reason FROM registration WHERE run_id = ? AND id_number = ? AND listed = FALSE", String.class, run.runId(), number))
                .as(number).isEqualTo(reason));
        assertThat(count("SELECT COUNT(*) FROM registration WHERE run_id = ? AND id_number = '420106198701011713'")).isZero();
    }

    @Test
    void booksAndExceptions() throws Exception {
        Path dir = Path.of(run.outputPath());
        assertThat(Files.readString(dir.resolve("books/341299201-01_外出.csv"), GB18030)).contains("郑浩", "外县");
        assertThat(Files.readString(dir.resolve("books/流入人员.csv"), GB18030)).contains("马军,男,1987-01-01,420106198701011713");
        String exceptions = Files.readString(dir.resolve("exceptions.csv"), GB18030);
        assertThat(exceptions).contains("DEATH_CONFLICT,info,341299201,,341299196606060913,孙立军");
        assertThat(exceptions).contains("INMIGRANT_ELIGIBLE,info,341299100,,420106198701011713,马军");
        assertThat(exceptions.lines().count()).isEqualTo(3);
    }

    @Test
    void postingListIsMaskedAndRollsAreGb18030() throws Exception {
        Path dir = Path.of(run.outputPath());
        String posting = Files.readString(dir.resolve("posting/341299100-02.csv"), GB18030);
        assertThat(posting).contains("341299********0138").doesNotContain("341299198003120138");
        assertThat(posting).contains("张伟,男,1980-03");
        byte[] roll = Files.readAllBytes(dir.resolve("rolls/341299100-02.csv"));
        assertThat(new String(roll, GB18030)).startsWith("选区编码,选区名称,序号,姓名");
    }

    @Test
    void everyInputRowIsCountedAndShebaoIsReadByHeaderName() {
        // huji 14, liudong 3, shebao 3 (columns in another order, an extra column), tongji 2, chaiqian 4,
        // minzheng 1, xuanwei 1, waidi 2
        assertThat(count("SELECT COUNT(*) FROM src_record r JOIN snapshot s ON s.snapshot_id = r.snapshot_id WHERE s.run_id = ?"))
                .isEqualTo(14 + 3 + 3 + 2 + 4 + 1 + 1 + 2);
        assertThat(count("SELECT COUNT(*) FROM reject WHERE run_id = ?")).isZero();
        assertThat(jdbc.queryForObject("SELECT encoding FROM source_file WHERE run_id = ? AND source = 'huji'", String.class, run.runId()))
                .isEqualTo("GB18030");
        assertThat(jdbc.queryForObject("""
                SELECT org_code FROM src_record r JOIN snapshot s ON s.snapshot_id = r.snapshot_id
                WHERE s.run_id = ? AND r.source = 'shebao' AND r.name = '赵敏'""", String.class, run.runId())).isEqualTo("91341299MA0012345K");
    }

    private void assertListed(String number, String district, String basis) {
        List<Map<String, Object>> lines = jdbc.queryForList("SELECT district_code, basis FROM roll_line WHERE run_id = ? AND id_number = ?",
                run.runId(), number);
        assertThat(lines).as(number).hasSize(1);
        assertThat(lines.get(0)).containsEntry("district_code", district).containsEntry("basis", basis);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, run.runId());
    }
}
