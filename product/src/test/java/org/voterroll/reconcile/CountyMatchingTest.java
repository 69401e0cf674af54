package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
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
 * A county's matching.yml reaches every step that matches: the survey row of 郑浩 (name, sex, birth month and village
 * agreeing: 30.1 bits) is matched under the default upper threshold of 28.4, only a candidate for review under a county's
 * 45, and no candidate at all under a lower threshold of 40 — then the rules, which put a survey row's single best
 * candidate above the lower threshold into the away book, no longer find him away. The run keeps the file's text.
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class CountyMatchingTest {
    static final String ZHENG_HAO = "341299198304181436";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theCountysThresholdsDecideMatchesCandidatesAndTheAwayBook(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);

        Run byDefault = run(delivery, tmp.resolve("out1"));
        assertThat(byDefault.matching()).isNull();
        assertThat(surveyLinkOfZhengHao(byDefault)).containsExactly("MATCHED");
        assertThat(away(byDefault)).contains("郑浩");

        String review = "upper-threshold: 45\n";
        Files.writeString(delivery.county.resolve("matching.yml"), review);
        Run reviewOnly = run(delivery, tmp.resolve("out2"));
        assertThat(reviewOnly.matching()).isEqualTo(review);
        assertThat(surveyLinkOfZhengHao(reviewOnly)).containsExactly("FUZZY");
        assertThat(away(reviewOnly)).contains("郑浩");

        Files.writeString(delivery.county.resolve("matching.yml"), "upper-threshold: 45\nlower-threshold: 40\n");
        Run none = run(delivery, tmp.resolve("out3"));
        assertThat(surveyLinkOfZhengHao(none)).isEmpty();
        assertThat(away(none)).doesNotContain("郑浩");
    }

    private Run run(ExampleDelivery delivery, Path out) throws Exception {
        Run run = service.reconcile(delivery.county, delivery.inbox, out, null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);
        return run;
    }

    private List<String> surveyLinkOfZhengHao(Run run) {
        return jdbc.queryForList("""
                SELECT l.method FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND r.source = 'tongji' AND pr.id_number = ?""", String.class, run.runId(), ZHENG_HAO);
    }

    private static String away(Run run) throws Exception {
        Path book = Path.of(run.outputPath()).resolve("books/341299201-01_外出.csv");
        return Files.exists(book) ? Files.readString(book, Charset.forName("GB18030")) : "";
    }
}
