package org.voterroll.province;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.ops.JobRunner;
import org.voterroll.run.RunClock;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;
import org.voterroll.run.RunRepository;

/**
 * A province partition on a worker: the county's nightly job, exactly as {@code run-job jobs/<county>} runs it (county lock,
 * delivery check, guard, restart, identical outputs). The run's id is recorded as soon as it exists; when the partition
 * runs again (its worker was lost, or the run failed) it finishes that run with {@code restart} instead of starting another.
 */
public class CountyTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(CountyTasklet.class);
    static final String JOB_NAME = "jobName";
    static final String JOB_DIR = "jobDir";

    private final JobRunner jobRunner;
    private final ReconcileService reconcile;
    private final RunRepository runs;
    private final ProvinceRuns provinceRuns;
    private final JdbcTemplate jdbc;

    public CountyTasklet(JobRunner jobRunner, ReconcileService reconcile, RunRepository runs, ProvinceRuns provinceRuns, JdbcTemplate jdbc) {
        this.jobRunner = jobRunner;
        this.reconcile = reconcile;
        this.runs = runs;
        this.provinceRuns = provinceRuns;
        this.jdbc = jdbc;
    }

    /** Raised when the county's run did not complete: the partition fails, and a restart of the province run re-runs it. */
    static class CountyRunNotCompleted extends RuntimeException {
        CountyRunNotCompleted(String message) {
            super(message);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        String provinceRunId = step.getJobExecution().getJobParameters().getString("provinceRunId");
        String jobName = step.getExecutionContext().getString(JOB_NAME);
        Path jobDir = Path.of(step.getExecutionContext().getString(JOB_DIR));
        String countyCode = Partitions.countyCode(jobDir);
        String worker = Partitions.worker();
        String earlier = provinceRuns.countyRun(provinceRunId, jobName);
        Run run;
        if (earlier != null) {
            Run was = runs.find(earlier).orElseThrow(() -> new IllegalStateException("province run " + provinceRunId + ": no county run " + earlier));
            log.info("province run {}: county {} again — finishing its run {} ({})", provinceRunId, jobName, earlier, was.status());
            provinceRuns.countyRun(provinceRunId, jobName, countyCode, earlier, Run.RUNNING, null, worker, RunClock.now());
            run = Run.COMPLETED.equals(was.status()) ? was : reconcile.restart(earlier);
        } else {
            log.info("province run {}: county {} on {}", provinceRunId, jobName, worker);
            run = jobRunner.runJob(jobDir, runId -> provinceRuns.countyRun(provinceRunId, jobName, countyCode, runId, Run.RUNNING, null, worker,
                    RunClock.now()));
            if (run == null) {
                // nothing new in the inbox: the county's roll is that of its last completed run
                run = runs.lastCompleted(countyCode, null)
                        .orElseThrow(() -> new IllegalStateException("county " + jobName + ": no new delivery and no completed run"));
            }
        }
        Long listed = Run.COMPLETED.equals(run.status())
                ? jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, run.runId()) : null;
        provinceRuns.countyRun(provinceRunId, jobName, countyCode, run.runId(), run.status(), listed, worker, RunClock.now());
        log.info("province run {}: county {} run {} {}", provinceRunId, jobName, run.runId(), run.status());
        if (!Run.COMPLETED.equals(run.status())) {
            throw new CountyRunNotCompleted("county " + jobName + " run " + run.runId() + " " + run.status()
                    + (run.message() == null ? "" : ": " + run.message()));
        }
        return RepeatStatus.FINISHED;
    }
}
