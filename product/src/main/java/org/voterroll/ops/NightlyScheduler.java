package org.voterroll.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.voterroll.run.Run;
import org.voterroll.run.RunRecovery;

/**
 * The nightly runs inside a long-running application ({@code voter-roll.scheduler.enabled=true}, e.g. the
 * {@code schedule} command or the web server): every {@code <voter-roll.jobs-dir>/<county>/job.yml} with a
 * {@code cron:} is run at that time. At start it recovers runs left RUNNING by a crash. Two instances on two
 * machines may both schedule the same job: the county lock lets one run and the other logs why it did not.
 */
@Component
@ConditionalOnProperty(name = "voter-roll.scheduler.enabled", havingValue = "true")
public class NightlyScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);

    private final JobRunner runner;
    private final RunRecovery recovery;
    private final Path jobsDir;
    private ThreadPoolTaskScheduler scheduler;

    public NightlyScheduler(JobRunner runner, RunRecovery recovery, @Value("${voter-roll.jobs-dir:jobs}") String jobsDir) {
        this.runner = runner;
        this.recovery = recovery;
        this.jobsDir = Path.of(jobsDir);
    }

    @Override
    public void start() {
        for (String id : recovery.recoverAll()) log.warn("run {} was left RUNNING by a stopped process: now FAILED, restart it", id);
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("nightly-");
        scheduler.initialize();
        for (Path dir : jobDirs()) {
            try {
                JobSpec spec = JobSpec.load(dir);
                if (spec.cron() == null) {
                    log.warn("job {}: no cron: in job.yml, not scheduled", dir);
                    continue;
                }
                scheduler.schedule(() -> runOnce(dir), new CronTrigger(spec.cron()));
                log.info("job {}: scheduled at cron '{}'", dir, spec.cron());
            } catch (RuntimeException e) {
                log.error("job {}: not scheduled: {}", dir, e.getMessage());
            }
        }
    }

    void runOnce(Path dir) {
        try {
            Run run = runner.runJob(dir);
            if (run != null) log.info("job {}: run {} {}{}", dir, run.runId(), run.status(), run.message() == null ? "" : ": " + run.message());
        } catch (Exception e) {
            log.error("job {}: {}", dir, e.getMessage());
        }
    }

    List<Path> jobDirs() {
        if (!Files.isDirectory(jobsDir)) {
            log.warn("no jobs directory {}: nothing scheduled", jobsDir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> s = Files.list(jobsDir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("job.yml"))).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) scheduler.shutdown();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
