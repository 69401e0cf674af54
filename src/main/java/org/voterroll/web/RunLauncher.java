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
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public RunLauncher(ReconcileService service, @Qualifier("webRunExecutor") TaskExecutor executor, JdbcTemplate jdbc, AuditLog audit) {
        this.service = service;
        this.executor = executor;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Starts the job's run; returns its run id once the run is recorded (null if it failed before that, e.g. bad county files). */
    public String start(JobsDirectory.Job job, String actor) throws InterruptedException {
        if (job.problem() != null) throw new IllegalArgumentException(job.problem());
        if (!busy.add(job.name())) throw new IllegalStateException("该县已有一次运行正在进行");
        LocalDateTime since = LocalDateTime.now().withNano(0).minusSeconds(1);
        audit.record(actor, AuditLog.RUN, "reconcile " + job.name());
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
        audit.record(actor, AuditLog.RUN, "restart " + runId);
        Long before = jdbc.queryForObject("SELECT job_execution_id FROM run WHERE run_id = ?", Long.class, runId);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        executor.execute(() -> {
            try {
                service.restart(runId);
            } catch (Exception e) {
                log.warn("restart of run {} failed: {}", runId, e.getMessage());
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
