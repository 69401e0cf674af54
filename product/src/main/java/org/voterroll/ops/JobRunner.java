package org.voterroll.ops;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.county.CountyConfig;
import org.voterroll.ingest.Delivery;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/**
 * Runs a county's nightly job (job.yml): a complete delivery, not taken before, under the county's lock. A delivery
 * whose run did not finish (FAILED, or RUNNING when its process died) is finished by restarting that run; a run
 * stopped as NEEDS_CONFIRMATION waits for its operator and a new delivery starts a new run.
 */
@Component
public class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final ReconcileService service;
    private final JdbcTemplate jdbc;

    public JobRunner(ReconcileService service, JdbcTemplate jdbc) {
        this.service = service;
        this.jdbc = jdbc;
    }

    /** The run, or null with a log line when the delivery was already taken. */
    public Run runJob(Path jobDir) throws Exception {
        return runJob(jobDir, runId -> { });
    }

    /** As {@link #runJob(Path)}; {@code started} learns the id of the run started or restarted (ReconcileService). */
    public Run runJob(Path jobDir, java.util.function.Consumer<String> started) throws Exception {
        JobSpec spec = JobSpec.load(jobDir);
        String county = CountyConfig.load(spec.county()).settings().countyCode();
        String deliveryId = spec.requireReady() ? Delivery.check(spec.inbox()) : null;
        if (deliveryId != null) {
            List<String> taken = jdbc.queryForList("SELECT run_id FROM run WHERE county_code = ? AND delivery_id = ? AND status = 'COMPLETED'",
                    String.class, county, deliveryId);
            if (!taken.isEmpty()) {
                log.info("county {}: nothing new — this delivery (READY {}) was taken by run {}", county, deliveryId.substring(0, 12), taken.get(0));
                return null;
            }
            // a run of this very delivery that did not finish (crash, lost database, …): finish it rather than start over
            List<String> unfinished = jdbc.queryForList("""
                    SELECT run_id FROM run WHERE county_code = ? AND delivery_id = ? AND status IN ('RUNNING', 'FAILED')
                    AND job_execution_id IS NOT NULL ORDER BY started_at DESC LIMIT 1""", String.class, county, deliveryId);
            if (!unfinished.isEmpty()) {
                log.warn("county {}: run {} of this delivery did not finish: restarting it", county, unfinished.get(0));
                started.accept(unfinished.get(0));
                return service.restart(unfinished.get(0));
            }
        }
        Integer completed = jdbc.queryForObject("SELECT COUNT(*) FROM run WHERE county_code = ? AND status = 'COMPLETED'", Integer.class, county);
        Path previous = completed != null && completed > 0 ? null : spec.previous();
        return service.reconcile(spec.county(), spec.inbox(), spec.out(), previous, deliveryId, started);
    }
}
