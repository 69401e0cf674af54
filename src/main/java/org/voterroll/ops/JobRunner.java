package org.voterroll.ops;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.county.CountyConfig;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.reconcile.Run;

/** Runs a county's nightly job (job.yml): a complete delivery, not taken before, under the county's lock. */
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
        }
        Integer completed = jdbc.queryForObject("SELECT COUNT(*) FROM run WHERE county_code = ? AND status = 'COMPLETED'", Integer.class, county);
        Path previous = completed != null && completed > 0 ? null : spec.previous();
        return service.reconcile(spec.county(), spec.inbox(), spec.out(), previous, deliveryId);
    }
}
