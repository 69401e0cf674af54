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
 * A resettlement row without a number is linked through its case's members (RULES.md's third kind of certain link):
 * the person of the members' household with its name and relation. Two brothers of one police household share the
 * name 王磊; the case lists one with his number and one without, so the row without is the brother who holds no other
 * row of the case, and only he. A row whose name is only spelt like a member's (a homophone: 李婷 / 李亭) is not a certain
 * link but a candidate for review, and since acting on it would move her to the resettlement's district, MATCH_REVIEW
 * is raised and she stays where her register puts her.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class HouseholdLinkTest {
    static final String FATHER = "341299196203150113", ELDER = "341299199506210113", YOUNGER = "341299199809030136",
            MOTHER = "34129919640910012X", DAUGHTER = "341299199004120222";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRowWithoutNumberIsTheNamesakeWhoHoldsNoOtherRowOfTheCase(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                FATHER + ",王建国,,男,汉族,1962-03-15,100099,户主,城关镇东风村5组1号,341299100201,正常,,",
                ELDER + ",王磊,,男,汉族,1995-06-21,100099,子,城关镇东风村5组1号,341299100201,正常,,",
                YOUNGER + ",王磊,,男,汉族,1998-09-03,100099,子,城关镇东风村5组1号,341299100201,正常,,"));
        String place = ",城关镇东风村5组1号,341299100201,产权调换,城关镇新华社区12栋101,341299100001,2026-06-30,2025-11-20";
        delivery.append("chaiqian_20261201.csv", StandardCharsets.UTF_8, List.of(
                "东风村旧改,DF-031,王建国," + FATHER + ",户主" + place,
                "东风村旧改,DF-031,王磊," + ELDER + ",子" + place,
                "东风村旧改,DF-031,王磊,,子" + place));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        List<String> linkedTo = jdbc.queryForList("""
                SELECT pr.id_number FROM link l
                JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND l.certain = TRUE AND l.method = 'HOUSEHOLD'
                  AND r.source = 'chaiqian' AND r.household_key LIKE '%DF-031%' AND r.id_number IS NULL""", String.class, run.runId());
        assertThat(linkedTo).containsExactly(YOUNGER);
    }

    @Test
    void aRowSpeltLikeAMemberIsACandidateForReview(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                MOTHER + ",李秀芳,,女,汉族,1964-09-10,100098,户主,城关镇东风村5组2号,341299100201,正常,,",
                DAUGHTER + ",李婷,,女,汉族,1990-04-12,100098,女,城关镇东风村5组2号,341299100201,正常,,"));
        String place = ",城关镇东风村5组2号,341299100201,产权调换,城关镇新华社区12栋102,341299100001,2026-06-30,2025-11-20";
        delivery.append("chaiqian_20261201.csv", StandardCharsets.UTF_8, List.of(
                "东风村旧改,DF-032,李秀芳," + MOTHER + ",户主" + place,
                "东风村旧改,DF-032,李亭,,女" + place));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        List<String> methods = jdbc.queryForList("""
                SELECT l.method || ' ' || pr.id_number FROM link l
                JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND r.source = 'chaiqian' AND r.name = '李亭'""", String.class, run.runId());
        assertThat(methods).containsExactly("FUZZY " + DAUGHTER);
        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND id_numbers LIKE ?", String.class,
                run.runId(), "%" + DAUGHTER + "%")).containsExactly("MATCH_REVIEW");
        assertThat(jdbc.queryForList("SELECT district_code || ' ' || basis FROM registration WHERE run_id = ? AND id_number = ?",
                String.class, run.runId(), DAUGHTER)).containsExactly("341299100-01 户籍地");
        assertThat(jdbc.queryForList("SELECT district_code || ' ' || basis FROM registration WHERE run_id = ? AND id_number = ?",
                String.class, run.runId(), MOTHER)).containsExactly("341299100-02 安置地");
    }

    /**
     * Issue 18's crash: a row with a mistyped number (a birth digit: 0412 typed 0413) and a homophone name (李亭 for 李婷) in a
     * case whose other member is linked is the daughter's candidate twice, as a member of the case's household and as the
     * person one digit from its number. Both are one candidate: one link, carrying both evidences, and one MATCH_REVIEW.
     */
    @Test
    void aRowThatIsACandidateByItsHouseholdAndByItsNumberHasOneLink(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                MOTHER + ",李秀芳,,女,汉族,1964-09-10,100098,户主,城关镇东风村5组2号,341299100201,正常,,",
                DAUGHTER + ",李婷,,女,汉族,1990-04-12,100098,女,城关镇东风村5组2号,341299100201,正常,,"));
        String place = ",城关镇东风村5组2号,341299100201,产权调换,城关镇新华社区12栋102,341299100001,2026-06-30,2025-11-20";
        delivery.append("chaiqian_20261201.csv", StandardCharsets.UTF_8, List.of(
                "东风村旧改,DF-032,李秀芳," + MOTHER + ",户主" + place,
                "东风村旧改,DF-032,李亭,341299199004130222,女" + place));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        List<java.util.Map<String, Object>> links = jdbc.queryForList("""
                SELECT l.certain, l.evidence, pr.id_number FROM link l
                JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND r.source = 'chaiqian' AND r.name = '李亭'""", run.runId());
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("id_number")).isEqualTo(DAUGHTER);
        assertThat(links.get(0).get("certain")).isEqualTo(false);
        assertThat((String) links.get(0).get("evidence")).contains("拆迁户内成员").contains("ID_SHAPE");
        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND id_numbers LIKE ?", String.class,
                run.runId(), "%" + DAUGHTER + "%")).containsExactly("MATCH_REVIEW");
        assertThat(jdbc.queryForList("SELECT district_code || ' ' || basis FROM registration WHERE run_id = ? AND id_number = ?",
                String.class, run.runId(), DAUGHTER)).containsExactly("341299100-01 户籍地");
    }
    /**
     * Issue 18: only a row without a number is singled out by its household. A row with the daughter's exact name and
     * relation but a mistyped number (0412 typed 0413) says it is somebody in particular; whether that is her, the
     * household cannot prove. It was a certain HOUSEHOLD link and moved her to the resettlement's district; it is her
     * candidate for review, and she stays where her register puts her.
     */
    @Test
    void aRowWithAMistypedNumberIsNoCertainHouseholdLink(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                MOTHER + ",李秀芳,,女,汉族,1964-09-10,100098,户主,城关镇东风村5组2号,341299100201,正常,,",
                DAUGHTER + ",李婷,,女,汉族,1990-04-12,100098,女,城关镇东风村5组2号,341299100201,正常,,"));
        String place = ",城关镇东风村5组2号,341299100201,产权调换,城关镇新华社区12栋102,341299100001,2026-06-30,2025-11-20";
        delivery.append("chaiqian_20261201.csv", StandardCharsets.UTF_8, List.of(
                "东风村旧改,DF-032,李秀芳," + MOTHER + ",户主" + place,
                "东风村旧改,DF-032,李婷,341299199004130222,女" + place));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        List<String> links = jdbc.queryForList("""
                SELECT l.method || ' ' || l.certain || ' ' || pr.id_number FROM link l
                JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND r.source = 'chaiqian' AND r.name = '李婷'""", String.class, run.runId());
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).doesNotStartWith("HOUSEHOLD").contains("false " + DAUGHTER);
        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND id_numbers LIKE ?", String.class,
                run.runId(), "%" + DAUGHTER + "%")).containsExactly("MATCH_REVIEW");
        assertThat(jdbc.queryForList("SELECT district_code || ' ' || basis FROM registration WHERE run_id = ? AND id_number = ?",
                String.class, run.runId(), DAUGHTER)).containsExactly("341299100-01 户籍地");
    }

    /**
     * Two sisters both called 王芳 in one police household, and the case lists two rows 王芳 / 女 without numbers, alike in
     * everything they state (independent county, 1,000,000 persons: 刘慧 listed 户籍地 for 安置地). Neither row singles out a
     * sister, but every pairing gives each of them the same resettlement: both are certain household links, one each.
     */
    @Test
    void twoSistersOfOneNameAndTwoRowsAlikeHaveOneRowEach(@TempDir Path tmp) throws Exception {
        String elder = "341299199203040225", younger = "341299199611150220";
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        delivery.append("huji_20261201.csv", Charset.forName("GB18030"), List.of(
                FATHER + ",王建国,,男,汉族,1962-03-15,100097,户主,城关镇东风村5组3号,341299100201,正常,,",
                elder + ",王芳,,女,汉族,1992-03-04,100097,女,城关镇东风村5组3号,341299100201,正常,,",
                younger + ",王芳,,女,汉族,1996-11-15,100097,女,城关镇东风村5组3号,341299100201,正常,,"));
        String place = ",城关镇东风村5组3号,341299100201,产权调换,城关镇新华社区12栋103,341299100001,2026-06-30,2025-11-20";
        delivery.append("chaiqian_20261201.csv", StandardCharsets.UTF_8, List.of(
                "东风村旧改,DF-033,王建国," + FATHER + ",户主" + place,
                "东风村旧改,DF-033,王芳,,女" + place,
                "东风村旧改,DF-033,王芳,,女" + place));

        Run run = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        List<String> linkedTo = jdbc.queryForList("""
                SELECT pr.id_number FROM link l
                JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND r.source = 'chaiqian' AND r.name = '王芳'
                ORDER BY pr.id_number""", String.class, run.runId());
        assertThat(linkedTo).containsExactly(elder, younger);
        assertThat(jdbc.queryForList("SELECT district_code || ' ' || basis FROM registration WHERE run_id = ? AND id_number IN (?, ?)",
                String.class, run.runId(), elder, younger)).containsExactly("341299100-02 安置地", "341299100-02 安置地");
        assertThat(jdbc.queryForList("SELECT code FROM exception_item WHERE run_id = ? AND (id_numbers LIKE ? OR id_numbers LIKE ?)",
                String.class, run.runId(), "%" + elder + "%", "%" + younger + "%")).isEmpty();
    }
}
