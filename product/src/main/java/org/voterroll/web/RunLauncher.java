package org.voterroll.web;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.accounts.AuditLog;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/**
 * Starts reconciliations and restarts from the web on a background thread (a run takes minutes; the request returns at
 * once and the page polls the run and step tables). One run per county at a time from this server.
 */
@Component
public class RunLauncher {
    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final ReconcileService service;
    private final TaskExecutor executor;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final org.voterroll.county.Places places;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public RunLauncher(ReconcileService service, @Qualifier("webRunExecutor") TaskExecutor executor, JdbcTemplate jdbc, AuditLog audit,
                       org.voterroll.county.Places places) {
        this.places = places;
        this.service = service;
        this.executor = executor;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Starts the job's run; returns its run id once the run is recorded (null if it failed before that, e.g. bad county files). */
    public String start(JobsDirectory.Job job, String actor) throws InterruptedException {
        if (job.problem() != null) throw new IllegalArgumentException(job.problem());
        // a run waiting for its operator would only be followed by another stopping the same way: answer that one first
        String waiting = waiting(job);
        if (waiting != null) {
            throw new IllegalStateException("该县的运行 " + waiting + " 正在等待确认：请先在该运行的页面上确认继续或拒绝，再开始新的核对");
        }
        if (!busy.add(job.name())) throw new IllegalStateException("该县已有一次运行正在进行，请等它结束后再开始新的核对");
        LocalDateTime since = LocalDateTime.now().withNano(0).minusSeconds(1);
        // a job is named for its county's code: the log reads the county's name beside it
        String county = places.name(job.name());
        audit.record(actor, AuditLog.RUN, "开始核对 任务 " + job.name() + (county == null ? "" : "（" + county + "）"));
        executor.execute(() -> {
            try {
                var run = service.reconcile(job.countyDir(), job.inbox(), job.out(), job.previous());
                log.info("run {} of job {} ended {}", run.runId(), job.name(), run.status());
            } catch (Exception e) {
                log.warn("run of job {} did not start: {}", job.name(), e.getMessage());
            } finally {
                busy.remove(job.name());
            }
        });
        return awaitRun(job, since);
    }

    /** Restarts a failed run; returns once the restart has taken the run over (status RUNNING) or ended, at most ~10 s. */
    public void restart(String runId, String actor) throws InterruptedException {
        String status = jdbc.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, runId);
        switch (status) {
            case Run.COMPLETED -> throw new IllegalStateException("该运行已完成，无需重新启动");
            case Run.NEEDS_CONFIRMATION -> throw new IllegalStateException("该运行正在等待确认：请确认继续或拒绝，无需重新启动");
            case Run.REFUSED -> throw new IllegalStateException("该运行已被拒绝发布，不再重新启动；请开始新的核对");
            default -> { }
        }
        audit.record(actor, AuditLog.RUN, "重新启动 " + runId);
        runInBackground(runId, () -> service.restart(runId), "restart");
    }

    /** Runs a restart of the run (plain, or confirmed) on the executor; returns as {@link #restart} says. */
    private void runInBackground(String runId, java.util.concurrent.Callable<?> restart, String what) throws InterruptedException {
        Long before = jdbc.queryForObject("SELECT job_execution_id FROM run WHERE run_id = ?", Long.class, runId);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        executor.execute(() -> {
            try {
                restart.call();
            } catch (Exception e) {
                log.warn("{} of run {} failed: {}", what, runId, e.getMessage());
            } finally {
                done.set(true);
            }
        });
        // the run page refreshes itself only while the run is RUNNING: wait until the new execution is attached
        for (int i = 0; i < 100 && !done.get(); i++) {
            Long now = jdbc.queryForObject("SELECT job_execution_id FROM run WHERE run_id = ?", Long.class, runId);
            if (now != null && !now.equals(before)) return;
            Thread.sleep(100);
        }
    }

    /** The job's county's run stopped as NEEDS_CONFIRMATION, which stops a new start (null: none, or county files unreadable). */
    public String waiting(JobsDirectory.Job job) {
        if (job.problem() != null) return null;
        String county = org.voterroll.county.CountyConfig.load(job.countyDir()).settings().countyCode();
        List<String> ids = jdbc.queryForList("""
                SELECT run_id FROM run WHERE county_code = ? AND status = 'NEEDS_CONFIRMATION'
                ORDER BY started_at DESC LIMIT 1""", String.class, county);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * An operator confirms a run stopped as NEEDS_CONFIRMATION, the same as the command line's {@code confirm}: it is
     * restarted and publishes, on a background thread; returns once the restart has taken the run over (as restart).
     */
    public void confirm(String runId, String actor) throws InterruptedException {
        String status = jdbc.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, runId);
        if (!Run.NEEDS_CONFIRMATION.equals(status)) {
            throw new IllegalStateException("该运行当前为“" + org.voterroll.labels.Labels.status(status) + "”，不在待确认状态，无需确认");
        }
        audit.record(actor, AuditLog.RUN, "确认继续 " + runId);
        runInBackground(runId, () -> service.confirm(runId, actor), "confirmation");
    }

    /** An operator refuses a run stopped as NEEDS_CONFIRMATION: it is marked REFUSED and never published. */
    public void refuse(String runId, String actor) {
        try {
            service.refuse(runId, actor);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
        audit.record(actor, AuditLog.RUN, "拒绝发布 " + runId);
    }

    public boolean busy(String job) {
        return busy.contains(job);
    }

    /** The run id is made inside ReconcileService; it appears in table run within moments of the start. */
    private String awaitRun(JobsDirectory.Job job, LocalDateTime since) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> ids = jdbc.queryForList("""
                    SELECT run_id FROM run WHERE county_dir = ? AND started_at >= ? ORDER BY started_at DESC LIMIT 1""",
                    String.class, job.countyDir().toAbsolutePath().toString(), Timestamp.valueOf(since));
            if (!ids.isEmpty()) return ids.get(0);
            if (!busy.contains(job.name())) return null;
            Thread.sleep(100);
        }
        return null;
    }
}
