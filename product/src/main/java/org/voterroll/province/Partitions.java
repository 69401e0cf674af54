package org.voterroll.province;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.voterroll.county.CountyConfig;
import org.voterroll.run.CountyLock;
import org.voterroll.ops.JobSpec;

/**
 * How a province run learns that a partition's worker is gone. A worker runs its county under the county's lock
 * (run.CountyLock: a PostgreSQL session advisory lock, dropped by the server the moment the worker's connection closes);
 * a partition the job repository still says is running while nobody holds its county's lock has lost its worker
 * ({@code kill -9}, crash, reboot). It is then marked FAILED in the job repository, where the manager's poll
 * (MessageChannelPartitionHandler) sees it, and a restart of the province run re-runs it.
 */
public class Partitions {
    private static final Logger log = LoggerFactory.getLogger(Partitions.class);
    static final String LOST = "worker lost: the partition was left running by a worker that stopped (kill, crash, reboot or lost"
            + " database) — restart the province run";

    private final JobRepository repository;
    private final CountyLock locks;

    public Partitions(JobRepository repository, CountyLock locks) {
        this.repository = repository;
        this.locks = locks;
    }

    /** Marks the partition FAILED if it is recorded as running but its county's lock is free; true if it did. */
    public boolean failIfAbandoned(StepExecution partition) {
        if (!partition.getStatus().isRunning()) return false;
        String county = countyCode(Path.of(partition.getExecutionContext().getString(CountyTasklet.JOB_DIR)));
        if (locks.isHeld(county)) return false;
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(LOST));
        partition.setEndTime(LocalDateTime.now());
        repository.update(partition);
        log.warn("partition {} (step execution {}): {}", partition.getStepName(), partition.getId(), LOST);
        return true;
    }

    /** The county code of a county's job directory (its election.yml). */
    static String countyCode(Path jobDir) {
        return CountyConfig.load(JobSpec.load(jobDir).county()).settings().countyCode();
    }

    /** Who runs a partition, as the county lock names it. */
    static String worker() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return "host " + host + " pid " + ProcessHandle.current().pid();
    }
}
