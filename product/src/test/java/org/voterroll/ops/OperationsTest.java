package org.voterroll.ops;

import org.voterroll.Examples;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;
import org.voterroll.run.RunRecovery;
import org.voterroll.run.TestHooks;

import io.micrometer.core.instrument.MeterRegistry;

/** Health, metrics, logs, recovery of orphaned runs, retention and the scheduler, in-process on PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends OpsSchemaTestBase {
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9]{4}[0-9Xx](?![0-9])");

    @Autowired ReconcileService service;
    @Autowired LastRunHealthIndicator health;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired MeterRegistry meters;
    @Autowired RunRecovery recovery;
    @Autowired JobRunner jobs;
    @TempDir Path tmp;
    final List<String> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (String id : created) forget(id);
        jdbc.update("DELETE FROM run WHERE run_id LIKE 'orphan-%'");
    }

    Run reconcile() throws Exception {
        Run run = service.reconcile(Examples.DIR.resolve("county"), Examples.DIR.resolve("inbox"), tmp.resolve("out"), null);
        created.add(run.runId());
        assertThat(run.status()).isEqualTo(Run.COMPLETED);
        return run;
    }

    /** A job directory holding the examples' county files and {@code jobYml}, its inbox (tmp/inbox) the examples' delivery, READY. */
    private Path exampleJob(String dir, String jobYml) throws Exception {
        Path job = tmp.resolve(dir);
        BadDeliveryCorpusTest.copy(Examples.DIR.resolve("county"), job);
        Path inbox = tmp.resolve("inbox");
        BadDeliveryCorpusTest.copy(Examples.DIR.resolve("inbox"), inbox);
        BadDeliveryCorpusTest.ready(inbox);
        Files.writeString(job.resolve("job.yml"), jobYml);
        return job;
    }

    @Test
    void healthMetricsAndLogs(CapturedOutput output) throws Exception {
        Run run = reconcile();
        // Actuator's database health next to lastRun
        var db = context.getBeansOfType(org.springframework.boot.jdbc.health.DataSourceHealthIndicator.class);
        assertThat(db).isNotEmpty();
        assertThat(db.values().iterator().next().health().getStatus()).isEqualTo(Status.UP);
        var h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsKey("341299");
        // a night missed: the last completed run is older than voter-roll.health.max-run-age
        jdbc.update("UPDATE run SET finished_at = finished_at - INTERVAL '2 days' WHERE run_id = ?", run.runId());
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        // Spring Batch metrics through Micrometer
        assertThat(meters.find("spring.batch.job").timer()).as("spring.batch.job timer").isNotNull();
        assertThat(meters.find("spring.batch.step").tags("spring.batch.step.name", "resolve").timer()).isNotNull();

        // progress on the console, and never an identity number in the logs
        assertThat(output.getOut()).contains("step resolve COMPLETED in");
        assertThat(ID_NUMBER.matcher(output.getAll()).find()).as("an identity number in the logs").isFalse();
    }

    @Test
    void runsLeftRunningByADeadProcessAreRecovered() throws Exception {
        Run run = reconcile();
        // what kill -9 leaves: the run RUNNING, nobody holding the county's lock
        jdbc.update("""
                INSERT INTO run (run_id, county_code, county_name, election_day, in_migrant_months, county_dir, inbox_dir, out_dir, status, started_at)
                SELECT 'orphan-1', county_code, county_name, election_day, in_migrant_months, county_dir, inbox_dir, out_dir, 'RUNNING', started_at
                FROM run WHERE run_id = ?""", run.runId());
        assertThat(recovery.recoverAll()).containsExactly("orphan-1");
        assertThat(jdbc.queryForMap("SELECT status, message FROM run WHERE run_id = 'orphan-1'"))
                .containsEntry("status", "FAILED").containsEntry("message", RunRecovery.INTERRUPTED + "orphan-1");
        assertThat(recovery.recoverAll()).isEmpty();
    }

    @Test
    void purgeKeepsTheLatestRunsAndDropsTheRest() throws Exception {
        Run first = reconcile();
        Thread.sleep(1100);
        Run second = reconcile();
        Thread.sleep(1100);
        Run third = reconcile();
        jdbc.update("""
                INSERT INTO decision (county_code, fingerprint, code, verdict, decided_by, decided_at, run_id)
                VALUES ('341299', 'fp-test', 'DEATH_CONFLICT', 'DISMISS', 'test', CURRENT_TIMESTAMP, ?)""", first.runId());
        Purge.Result r = purge.purge(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision WHERE fingerprint = 'fp-test'", Long.class))
                .as("operators' decisions are never purged").isEqualTo(1L);
        jdbc.update("DELETE FROM decision WHERE fingerprint = 'fp-test'");
        assertThat(r.purgedRuns()).contains(first.runId(), second.runId()).doesNotContain(third.runId());
        for (Run gone : List.of(first, second)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, gone.runId())).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_execution_params WHERE parameter_value = ?", Long.class, gone.runId())).isZero();
            assertThat(jdbc.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, gone.runId())).isEqualTo("COMPLETED");
            assertThat(Path.of(gone.outputPath())).as("published files stay").isDirectory();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, third.runId())).isEqualTo(7L);
        // the next night still compares with the kept run
        Run fourth = reconcile();
        assertThat(fourth.previousRunId()).isEqualTo(third.runId());
    }

    @Test
    void theNightlyJobFinishesAnUnfinishedRunOfTheSameDelivery() throws Exception {
        Path job = exampleJob("job", "inbox: ../inbox\nout: ../out\n");
        TestHooks.on("before:decide", () -> { throw new IllegalStateException("database went away (simulated)"); });
        Run failed = jobs.runJob(job);
        created.add(failed.runId());
        assertThat(failed.status()).isEqualTo(Run.FAILED);
        assertThat(failed.message()).contains("database went away (simulated)");
        Run again = jobs.runJob(job);
        assertThat(again.runId()).isEqualTo(failed.runId());
        assertThat(again.status()).isEqualTo(Run.COMPLETED);
        assertThat(jobs.runJob(job)).as("then nothing new").isNull();
    }

    @Test
    void theSchedulerRunsAJobAtItsCronTimeAndTakesADeliveryOnce() throws Exception {
        Path job = exampleJob("jobs/341299", "inbox: ../../inbox\nout: ../../out\ncron: \"*/2 * * * * *\"\n");
        NightlyScheduler scheduler = new NightlyScheduler(jobs, recovery, tmp.resolve("jobs").toString());
        scheduler.start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < end && jdbc.queryForObject("SELECT COUNT(*) FROM run WHERE status = 'COMPLETED' AND delivery_id IS NOT NULL",
                    Long.class) == 0) Thread.sleep(200);
            Thread.sleep(2500); // another cron tick: the same delivery is not taken again
        } finally {
            scheduler.stop();
        }
        List<String> runs = jdbc.queryForList("SELECT run_id FROM run WHERE delivery_id IS NOT NULL", String.class);
        created.addAll(runs);
        assertThat(runs).hasSize(1);
        assertThat(tmp.resolve("out").resolve(runs.get(0)).resolve("summary.json")).exists();
    }
}
