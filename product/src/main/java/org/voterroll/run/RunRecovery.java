package org.voterroll.run;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.run.Run;
import org.voterroll.run.RunRepository;

/**
 * Runs left RUNNING (and their job executions left STARTED) by a process that died — {@code kill -9}, a
 * reboot, a lost database. A run is orphaned when its county's lock is free: every live run holds it.
 * Recovery marks the job execution FAILED (JobOperator.recover) and the run FAILED with a message that
 * says to restart it; nothing else is touched, so {@code restart RUN_ID} finishes it.
 */
@Component
public class RunRecovery {
    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);
    public static final String INTERRUPTED = "中断 (interrupted): the process running it stopped (kill, crash, reboot or lost database)"
            + " — finish it with: java -jar voter-roll.jar restart ";

    private final JdbcTemplate jdbc;
    private final RunRepository runs;
    private final JobRepository repository;
    private final JobOperator operator;
    private final CountyLock locks;

    public RunRecovery(JdbcTemplate jdbc, RunRepository runs, JobRepository repository, JobOperator operator, CountyLock locks) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.repository = repository;
        this.operator = operator;
        this.locks = locks;
    }

    /** Recovers the county's orphaned runs; the caller holds the county's lock. Returns their ids. */
    public List<String> recoverHeld(String county) {
        List<String> ids = jdbc.queryForList("SELECT run_id FROM run WHERE county_code = ? AND status = 'RUNNING' ORDER BY started_at",
                String.class, county);
        for (String id : ids) {
            Run run = runs.find(id).orElseThrow();
            recoverJob(run);
            runs.finish(id, Run.FAILED, null, INTERRUPTED + id);
            log.warn("run {} was left running by a process that stopped: marked FAILED; restart it with `restart {}`", id, id);
        }
        return ids;
    }

    /**
     * The job execution of the run, if left STARTED, marked FAILED so that it can be restarted; so is a step left STARTED
     * or UNKNOWN by a process that lost the database while recording the step's end (Spring Batch then refuses a
     * restart as "already running" or "from UNKNOWN status"). Marking them failed is safe here: the caller holds the
     * county's lock, so nothing runs them, and every step clears its own rows before it works, so it is done again whole.
     */
    public void recoverJob(Run run) {
        if (run.jobExecutionId() == null) return;
        JobExecution last = repository.getJobExecution(run.jobExecutionId());
        if (last == null) return;
        if (last.isRunning()) {
            operator.recover(last);
            last = repository.getJobExecution(run.jobExecutionId());
        }
        for (StepExecution step : last.getStepExecutions()) {
            BatchStatus was = step.getStatus();
            if (was.isRunning() || was == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(INTERRUPTED + run.runId()));
                step.setEndTime(java.time.LocalDateTime.now());
                repository.update(step);
                log.warn("run {}: step {} was left {} by a process that lost the database: marked FAILED", run.runId(), step.getStepName(), was);
            }
        }
        if (last.getStatus() == BatchStatus.UNKNOWN) {
            last.setStatus(BatchStatus.FAILED);
            last.setExitStatus(ExitStatus.FAILED.addExitDescription(INTERRUPTED + run.runId()));
            repository.update(last);
        }
    }

    /** Every county's orphaned runs (counties whose lock is free). */
    public List<String> recoverAll() {
        List<String> recovered = new java.util.ArrayList<>();
        for (String county : jdbc.queryForList("SELECT DISTINCT county_code FROM run WHERE status = 'RUNNING'", String.class)) {
            try (CountyLock.Held held = locks.acquire(county)) {
                recovered.addAll(recoverHeld(county));
            } catch (CountyLock.CountyBusyException busy) {
                // a live run: leave it
            }
        }
        return recovered;
    }
}
