package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.identity.ResolveTasklet;
import org.voterroll.quality.LinkQuality;
import org.voterroll.quality.TruthCheck;
import org.voterroll.run.Run;

/**
 * README's first command runs on the embedded H2 database (its own migrations, its own query plans): the whole job on
 * sample-data/ there, held against the sample's ground truth. Every other job test runs on PostgreSQL.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded-default;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
@ActiveProfiles("test")
class EmbeddedDatabaseTest {
    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void theSampleRunsOnTheEmbeddedDatabaseWithoutErrorOmissionOrDuplicate(@TempDir Path tmp) throws Exception {
        assertThat(jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotBlank();
        Path sample = Path.of("sample-data");
        Run run = service.reconcile(sample.resolve("county"), sample.resolve("inbox"), tmp.resolve("out"), sample.resolve("previous"));
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        TruthCheck.Result r = TruthCheck.check(sample.resolve("truth"), Path.of(run.outputPath()));
        assertThat(r.shouldList()).isGreaterThan(2000);
        assertThat(r.wrong()).as("错").isEmpty();
        assertThat(r.missing()).as("漏").isEmpty();
        assertThat(r.duplicated()).as("重").isEmpty();
        assertThat(r.missingExceptions()).as("required exceptions").isEmpty();
        assertThat(r.bookErrors()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM link WHERE run_id = ? AND method = 'MATCHED'", Long.class, run.runId()))
                .as("survey rows matched by weighted evidence").isPositive();
        LinkQuality.Result q = LinkQuality.measure(dataSource, sample.resolve("truth"), run.runId());
        assertThat(q.wrong()).as("link-quality on the embedded database: wrong links").isZero();
        assertThat(q.linked() + q.review() + q.unlinked()).isEqualTo(q.personRecords());
        assertThat(q.recall()).isGreaterThan(0.99);
        for (String t : ResolveTasklet.WORKING_TABLES) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + t + " WHERE run_id = ?", Long.class, run.runId())).as(t).isZero();
        }
    }
}
