package org.voterroll.reconcile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.voterroll.county.CountyConfig;
import org.voterroll.county.CountyConfigException;
import org.voterroll.run.Run;
import org.voterroll.run.RunRepository;
import org.voterroll.store.ConnectionLoss;
import org.voterroll.run.CountyLock;
import org.voterroll.ingest.Delivery;
import org.voterroll.run.RunClock;
import org.voterroll.run.RunRecovery;

/** Starts and restarts reconciliation runs. */
@Service
public class ReconcileService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final RunRepository runs;
    private final JobOperator operator;
    private final Job reconcileJob;
    private final CountyLock locks;
    private final RunRecovery recovery;
    private final JdbcTemplate jdbc;

    public ReconcileService(RunRepository runs, JobOperator operator, Job reconcileJob, CountyLock locks, RunRecovery recovery,
                            JdbcTemplate jdbc) {
        this.runs = runs;
        this.locks = locks;
        this.recovery = recovery;
        this.jdbc = jdbc;
        this.operator = operator;
        this.reconcileJob = reconcileJob;
    }

    /** Checks the inputs, records the run and runs it to the end; returns the run as it finished. */
    public Run reconcile(Path countyDir, Path inbox, Path out, Path previous) throws Exception {
        return reconcile(countyDir, inbox, out, previous, null);
    }

    /**
     * As {@link #reconcile(Path, Path, Path, Path)}, under the county's lock (run.CountyLock: never two runs
     * of one county at once — throws CountyBusyException), after recovering the county's runs left RUNNING
     * by a crash. {@code deliveryId}: the delivery's READY digest, kept with the run (ingest.Delivery).
     */
    public Run reconcile(Path countyDir, Path inbox, Path out, Path previous, String deliveryId) throws Exception {
        return reconcile(countyDir, inbox, out, previous, deliveryId, runId -> { });
    }

    /**
     * As above; {@code started} learns the run's id once the run is recorded, before its job starts (a province
     * partition keeps it so that a restart after its worker was killed finishes this very run).
     */
    public Run reconcile(Path countyDir, Path inbox, Path out, Path previous, String deliveryId,
                         java.util.function.Consumer<String> started) throws Exception {
        requireDir(countyDir, "--county");
        requireDir(inbox, "--inbox");
        if (previous != null) requireDir(previous, "--previous");
        CountyConfig county = CountyConfig.load(countyDir);
        if (deliveryId == null && Files.exists(inbox.resolve(Delivery.READY))) deliveryId = Delivery.check(inbox);
        String code = county.settings().countyCode();
        try (CountyLock.Held lock = locks.acquire(code)) {
            recovery.recoverHeld(code);
            Files.createDirectories(out);
            LocalDateTime now = RunClock.now();
            String runId = code + "-" + STAMP.format(now);
            for (int i = 2; runs.find(runId).isPresent(); i++) runId = code + "-" + STAMP.format(now) + "-" + i;
            String previousRun = previous != null ? null : runs.lastCompleted(code, runId).map(Run::runId).orElse(null);
            var s = county.settings();
            runs.insert(new Run(runId, s.countyCode(), s.countyName(), s.electionDay(), s.previousElectionDay(), s.inMigrantMonths(),
                    countyDir.toAbsolutePath(), inbox.toAbsolutePath(), out.toAbsolutePath(), previous == null ? null : previous.toAbsolutePath(),
                    previousRun, Run.RUNNING, null, now, null, null, null, county.matching().text()));
            if (deliveryId != null) jdbc.update("UPDATE run SET delivery_id = ? WHERE run_id = ?", deliveryId, runId);
            lock.describe(runId);
            started.accept(runId);
            try {
                operator.start(reconcileJob, new JobParametersBuilder().addString("runId", runId).toJobParameters());
                return finished(runId);
            } catch (Exception e) {
                throw interrupted(runId, e);
            }
        }
    }

    /** Restarts a failed, interrupted or (once confirmed) stopped run where it stopped, under the county's lock. */
    public Run restart(String runId) throws Exception {
        Run run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId + " — `runs` lists them"));
        if (Run.COMPLETED.equals(run.status())) return run;
        if (Run.REFUSED.equals(run.status())) {
            throw new IllegalStateException("运行 " + runId + " 已被拒绝发布，不再重新启动；请开始新的核对运行");
        }
        if (run.jobExecutionId() == null) throw new IllegalStateException("run " + runId + " never started a job");
        try (CountyLock.Held lock = locks.acquire(run.countyCode())) {
            lock.describe(runId);
            // left STARTED by a crash: nothing runs it any more (we hold the county lock), mark it failed to restart it
            recovery.recoverJob(run);
            try {
                operator.restart(run.jobExecutionId());
                return finished(runId);
            } catch (Exception e) {
                throw interrupted(runId, e);
            }
        }
    }

    /** A job that could not even record its end (the database went away) says so and how to finish it; other errors pass. */
    private static Exception interrupted(String runId, Exception e) {
        if (e instanceof ConnectionLoss.RunInterruptedException) return e;
        return ConnectionLoss.isCause(e) ? new ConnectionLoss.RunInterruptedException(runId, e) : e;
    }

    /**
     * The run as its job left it. Still RUNNING once the job has returned: Spring Batch swallowed the failure to record
     * the end (the database went away under the job's listener), so the run is unfinished, not done.
     */
    private Run finished(String runId) {
        Run run = runs.find(runId).orElseThrow();
        if (Run.RUNNING.equals(run.status())) throw new ConnectionLoss.RunInterruptedException(runId, null);
        return run;
    }

    /** An operator confirms a run stopped as NEEDS_CONFIRMATION; it is restarted and publishes. */
    public Run confirm(String runId, String who) throws Exception {
        Run run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId + " — `runs` lists them"));
        if (!Run.NEEDS_CONFIRMATION.equals(run.status())) {
            throw new IllegalArgumentException("run " + runId + " is " + run.status() + ", not NEEDS_CONFIRMATION: nothing to confirm");
        }
        // only while it still waits: a refusal (web) a moment earlier wins, and the two answers are never both recorded
        if (jdbc.update("UPDATE run SET confirmed_by = ? WHERE run_id = ? AND status = ?", who, runId, Run.NEEDS_CONFIRMATION) != 1) {
            throw new IllegalArgumentException("run " + runId + " was refused a moment ago: nothing to confirm");
        }
        return restart(runId);
    }

    /**
     * An operator refuses a run stopped as NEEDS_CONFIRMATION (the delivery is wrong): it is marked REFUSED, is never
     * published and cannot be restarted; the county's next run starts from its own delivery.
     */
    public Run refuse(String runId, String who) {
        Run run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("没有运行 " + runId));
        if (!Run.NEEDS_CONFIRMATION.equals(run.status())) {
            throw new IllegalArgumentException("运行 " + runId + " 不在待确认状态，无法拒绝");
        }
        if (!runs.refuse(runId, who, "已由 " + who + " 拒绝发布：本次交付不予采用，未发布任何文件")) {
            throw new IllegalArgumentException("运行 " + runId + " 的状态刚刚发生变化，请刷新页面");
        }
        return runs.find(runId).orElseThrow();
    }

    private static void requireDir(Path p, String option) {
        if (!Files.isDirectory(p)) throw new CountyConfigException(option + " " + p + " is not a directory");
    }
}
