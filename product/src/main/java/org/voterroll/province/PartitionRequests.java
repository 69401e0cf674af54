package org.voterroll.province;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * The worker's end of the queue: Spring Batch's StepExecutionRequestHandler, run only for a request whose partition has not
 * started yet. A request comes back from the broker when the worker that took it stopped before acknowledging it (the
 * acknowledgement is sent when the partition has finished); its partition is then recorded as running by a worker that is
 * gone, and is marked failed rather than run twice (Partitions). A request for a partition that has ended already (a stale
 * message of an earlier attempt) is dropped.
 */
public class PartitionRequests {
    private static final Logger log = LoggerFactory.getLogger(PartitionRequests.class);

    private final StepExecutionRequestHandler handler;
    private final JobRepository repository;
    private final Partitions partitions;

    public PartitionRequests(StepExecutionRequestHandler handler, JobRepository repository, Partitions partitions) {
        this.handler = handler;
        this.repository = repository;
        this.partitions = partitions;
    }

    public void handle(StepExecutionRequest request) {
        StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("request {}: no such step execution (purged?) — dropped", request);
        } else if (partition.getStatus() == BatchStatus.STARTING) {
            StepExecution done = handler.handle(request);
            log.info("partition {} {}", done.getStepName(), done.getStatus());
        } else if (partition.getStatus().isRunning()) {
            if (!partitions.failIfAbandoned(partition)) {
                log.info("partition {} is still being run by another worker (its county's lock is held) — request dropped", partition.getStepName());
            }
        } else {
            log.info("partition {} has ended ({}) — stale request dropped", partition.getStepName(), partition.getStatus());
        }
    }
}
