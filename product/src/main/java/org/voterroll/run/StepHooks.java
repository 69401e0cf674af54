package org.voterroll.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Logs each step's start and end (counts only, never a person's data) and passes the test hooks. */
@Component
public class StepHooks implements StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger("org.voterroll.progress");

    @Override
    public void beforeStep(StepExecution step) {
        log.info("run {}: step {} started", step.getJobExecution().getJobParameters().getString("runId"), step.getStepName());
        TestHooks.reach("before:" + step.getStepName());
        String runId = step.getJobExecution().getJobParameters().getString("runId");
        // a run id is the county's code, a dash and its start time
        if (runId != null && runId.indexOf('-') > 0) CountyLock.requireStillHeld(runId.substring(0, runId.indexOf('-')));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        TestHooks.reach("after:" + step.getStepName());
        long ms = step.getStartTime() == null ? 0 : java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now()).toMillis();
        log.info("run {}: step {} {} in {} s (read {}, written {}, skipped {})",
                step.getJobExecution().getJobParameters().getString("runId"), step.getStepName(),
                step.getStatus(), ms / 1000, step.getReadCount(), step.getWriteCount(), step.getSkipCount());
        return null;
    }
}
