package org.voterroll.reconcile;

import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;
import org.voterroll.guard.RunGuard;
import org.voterroll.roll.PublishTasklet;
import org.voterroll.run.Run;
import org.voterroll.run.RunRepository;

/** Keeps table run in step with the job: attached when it starts, COMPLETED or FAILED with a message when it ends. */
@Component
public class RunStatusListener implements JobExecutionListener {
    private final RunRepository runs;

    public RunStatusListener(RunRepository runs) {
        this.runs = runs;
    }

    @Override
    public void beforeJob(JobExecution job) {
        runs.attachJobExecution(job.getJobParameters().getString("runId"), job.getId());
    }

    @Override
    public void afterJob(JobExecution job) {
        String runId = job.getJobParameters().getString("runId");
        Run run = runs.find(runId).orElseThrow();
        if (job.getStatus() == BatchStatus.COMPLETED) {
            runs.finish(runId, Run.COMPLETED, PublishTasklet.finalDir(run).toString(), null);
        } else if (job.getAllFailureExceptions().stream().anyMatch(e -> e instanceof RunGuard.NeedsConfirmationException)) {
            RunGuard.NeedsConfirmationException stop = job.getAllFailureExceptions().stream()
                    .filter(e -> e instanceof RunGuard.NeedsConfirmationException).map(e -> (RunGuard.NeedsConfirmationException) e)
                    .findFirst().orElseThrow();
            runs.finish(runId, Run.NEEDS_CONFIRMATION, null, stop.getMessage());
            runs.guardReasons(runId, stop.reasons());
        } else {
            String message = job.getAllFailureExceptions().stream().map(RunStatusListener::rootMessage).distinct()
                    .collect(Collectors.joining("; "));
            runs.finish(runId, Run.FAILED, null, message.isEmpty() ? job.getExitStatus().getExitDescription() : message);
        }
    }

    static String rootMessage(Throwable t) {
        // the driver's last word ("Connection is closed") tells an operator nothing; restart is the whole remedy
        if (org.voterroll.store.ConnectionLoss.isCause(t)) return org.voterroll.store.ConnectionLoss.reason(t);
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        String m = r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
        m = PrepareTasklet.printable(m); // no control characters, identity numbers masked (a database error may quote a row)
        return m.length() > 1000 ? m.substring(0, 1000) + "…" : m;
    }
}
