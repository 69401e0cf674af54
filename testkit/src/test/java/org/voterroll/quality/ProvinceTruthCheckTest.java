package org.voterroll.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voterroll.generate.ProvinceGenerator;
import org.voterroll.generate.ProvinceOptions;
import org.voterroll.ops.JobSpec;
import org.voterroll.ops.OpsTestSupport;
import org.voterroll.province.CrossCountyCheck;
import org.voterroll.province.ProvinceRun;
import org.voterroll.province.ProvinceRuns;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/**
 * check-province over a generated province of 4 counties whose runs are written into another out than their job.yml's (as
 * {@code province --out} does): each county is measured (错, 漏, 重) on its run of the province run as province_county records it,
 * never on whatever the output directory holds — a later run of one county alone, into the same directory, is not the
 * province run's and is not the one checked; a county the province run did not complete is said so.
 */
// a schema of its own: another run of a generated county 349701 (a benchmark's, another test's) must not be its previous
// snapshot, whose size the guard would hold this one against
@SpringBootTest
@ActiveProfiles("test")
class ProvinceTruthCheckTest {
    static final String SCHEMA = "province_truth_check";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        OpsTestSupport.freshSchema(SCHEMA);
        r.add("spring.datasource.url", () -> OpsTestSupport.url(SCHEMA));
    }

    @Autowired ReconcileService service;
    @Autowired ProvinceRuns provinceRuns;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyCountyIsMeasuredOnItsRunOfTheProvinceRunAndTheDuplicatesAgainstThePlantedPeople(@TempDir Path tmp) throws Exception {
        var generated = ProvinceGenerator.generate(new ProvinceOptions(4, 800, 21, 0, tmp.resolve("p")));
        Path out = tmp.resolve("province-out");
        String id = "province-20261201-" + System.nanoTime();
        List<String> jobs = generated.counties();
        provinceRuns.insert(new ProvinceRun(id, tmp.resolve("p/jobs"), jobs, out, ProvinceRun.RUNNING, null, LocalDateTime.now(), null, null, null));
        List<Run> runs = new ArrayList<>();
        for (String job : jobs) {
            JobSpec spec = JobSpec.load(tmp.resolve("p/jobs").resolve(job));
            assertThat(spec.out()).as("the job's own out is not the province run's").isNotEqualTo(out);
            Run run = service.reconcile(spec.county(), spec.inbox(), out, spec.previous());
            assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);
            runs.add(run);
            provinceRuns.countyRun(id, job, run.countyCode(), run.runId(), Run.COMPLETED,
                    jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, run.runId()), "test", LocalDateTime.now());
        }
        ProvinceRun p = provinceRuns.find(id).orElseThrow();
        new CrossCountyCheck(p, dataSource, Charset.forName("GB18030")).check();
        provinceRuns.finish(id, ProvinceRun.COMPLETED, p.outputDir().toString(), null, LocalDateTime.now());
        // a later run of the first county alone, into the same directory: the latest there, but not the province run's
        Run alone = service.reconcile(JobSpec.load(tmp.resolve("p/jobs").resolve(jobs.get(0))).county(),
                JobSpec.load(tmp.resolve("p/jobs").resolve(jobs.get(0))).inbox(), out, null);
        assertThat(alone.runId()).isNotEqualTo(runs.get(0).runId());
        assertThat(alone.status()).as(alone.message()).isEqualTo(Run.COMPLETED);

        ProvinceTruthCheck.Result r = ProvinceTruthCheck.check(dataSource, tmp.resolve("p/truth"), out, null);
        assertThat(r.provinceRun()).isEqualTo(out.resolve("province").resolve(id));
        assertThat(r.counties()).extracting(ProvinceTruthCheck.County::code).containsExactlyElementsOf(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            ProvinceTruthCheck.County c = r.counties().get(i);
            assertThat(c.why()).as(c.code()).isNull();
            assertThat(c.run()).as(c.code()).isEqualTo(Path.of(runs.get(i).outputPath()));
            assertThat(c.result().shouldList()).as(c.code()).isGreaterThan(400);
            assertThat(c.result().wrong()).as(c.code() + " 错").isEmpty();
            assertThat(c.result().missing()).as(c.code() + " 漏").isEmpty();
            assertThat(c.result().duplicated()).as(c.code() + " 重").isEmpty();
        }
        assertThat(r.duplicatesPlanted()).isPositive();
        assertThat(r.missing()).isEmpty();
        assertThat(r.unexpected()).isEmpty();
        assertThat(r.raised()).isEqualTo(2 * r.duplicatesPlanted());

        // a county whose partition failed: said so, and the check is not clean
        jdbc.update("UPDATE province_county SET run_id = ? WHERE province_run_id = ? AND county_code = ?", "no-such-run", id, jobs.get(1));
        ProvinceTruthCheck.Result failed = ProvinceTruthCheck.check(dataSource, tmp.resolve("p/truth"), out, id);
        Map<String, String> why = new java.util.HashMap<>();
        failed.counties().forEach(c -> why.put(c.code(), String.valueOf(c.why())));
        assertThat(why.get(jobs.get(1))).isEqualTo("run no-such-run of " + id + " not found");
        assertThat(failed.clean()).isFalse();
    }
}
