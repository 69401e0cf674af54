package org.voterroll.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Progress on the console for long steps: every {@code voter-roll.progress-seconds} (default 30) a line per
 * running step with its elapsed time and item counts. Counts only — never a name or an identity number.
 */
@Component
public class ProgressReporter implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger("org.voterroll.progress");
    private final long everyMillis;
    private final Map<Long, Thread> threads = new ConcurrentHashMap<>();

    public ProgressReporter(@Value("${voter-roll.progress-seconds:30}") long everySeconds) {
        this.everyMillis = Math.max(1, everySeconds) * 1000;
    }

    @Override
    public void beforeJob(JobExecution job) {
        String runId = job.getJobParameters().getString("runId");
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(everyMillis);
                    for (StepExecution s : job.getStepExecutions()) {
                        if (s.getStatus() != BatchStatus.STARTED || s.getStartTime() == null) continue;
                        long secs = Duration.between(s.getStartTime(), LocalDateTime.now()).toSeconds();
                        StepProgress p = StepProgress.peek(s.getId());
                        if (p != null) {
                            log.info("run {}: step {} running for {} s: {}", runId, s.getStepName(), secs, p.describe());
                            continue;
                        }
                        log.info("run {}: step {} running for {} s: {} read, {} written, {} skipped, {} commits",
                                runId, s.getStepName(), secs, s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getCommitCount());
                    }
                }
            } catch (InterruptedException e) {
                // the job ended
            }
        }, "progress-" + runId);
        t.setDaemon(true);
        threads.put(job.getId(), t);
        t.start();
    }

    @Override
    public void afterJob(JobExecution job) {
        Thread t = threads.remove(job.getId());
        if (t != null) t.interrupt();
        for (StepExecution s : job.getStepExecutions()) StepProgress.forget(s.getId());
    }
}
