package org.voterroll.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.identity.ResolveTasklet;

/**
 * Retention: the staging rows and Spring Batch metadata of old runs. Per county it keeps the N latest runs,
 * the last completed run (its roll is the next run's previous roll) and every run whose snapshot is still in
 * force for a source. A purged run keeps its row in table run (status, message, output path) and its published
 * files; only its working rows go. Runs not finished (RUNNING, FAILED, NEEDS_CONFIRMATION) among the N latest
 * stay restartable.
 */
@Component
public class Purge {
    private static final Logger log = LoggerFactory.getLogger(Purge.class);
    private final JdbcTemplate jdbc;

    public Purge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static final Set<String> STAGING = Stream.concat(Stream.of("district", "district_area", "district_unit",
            "source_file", "run_source", "reject", "person_run", "link", "registration", "roll_line", "previous_line", "book_line",
            "exception_item", "run_figure"), ResolveTasklet.WORKING_TABLES.stream()).collect(Collectors.toUnmodifiableSet());

    public record Result(List<String> purgedRuns, long rowsDeleted) {
    }

    public Result purge(int keep) {
        if (keep < 1) throw new IllegalArgumentException("--keep must be at least 1");
        // the run-scoped working tables (V2); never decision (operators' verdicts), person, run, or other tables
        List<String> tables = jdbc.queryForList("""
                SELECT DISTINCT LOWER(table_name) FROM information_schema.columns
                WHERE LOWER(column_name) = 'run_id' AND table_schema = CURRENT_SCHEMA ORDER BY 1""", String.class)
                .stream().filter(STAGING::contains).toList();
        List<String> purged = new ArrayList<>();
        long rows = 0;
        for (String county : jdbc.queryForList("SELECT DISTINCT county_code FROM run ORDER BY county_code", String.class)) {
            List<String> all = jdbc.queryForList("SELECT run_id FROM run WHERE county_code = ? ORDER BY started_at DESC, run_id DESC",
                    String.class, county);
            Set<String> kept = new LinkedHashSet<>(all.subList(0, Math.min(keep, all.size())));
            jdbc.queryForList("SELECT run_id FROM run WHERE county_code = ? AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1",
                    String.class, county).forEach(kept::add);
            jdbc.queryForList("""
                    SELECT s.run_id FROM snapshot s WHERE s.county_code = ? AND s.loaded = TRUE AND s.snapshot_id = (
                      SELECT MAX(s2.snapshot_id) FROM snapshot s2 JOIN run r ON r.run_id = s2.run_id
                      WHERE s2.county_code = s.county_code AND s2.source = s.source AND s2.loaded = TRUE AND r.status = 'COMPLETED')""",
                    String.class, county).forEach(kept::add);
            for (String id : all) {
                if (kept.contains(id)) continue;
                for (String t : tables) rows += jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", id);
                rows += jdbc.update("""
                        DELETE FROM src_record WHERE snapshot_id IN (SELECT snapshot_id FROM snapshot WHERE run_id = ?)""", id);
                rows += jdbc.update("DELETE FROM snapshot WHERE run_id = ?", id);
                rows += purgeBatchMetadata(id);
                purged.add(id);
            }
        }
        log.info("purge: {} runs purged, {} rows deleted", purged.size(), rows);
        return new Result(purged, rows);
    }

    /** Deletes the Spring Batch job instance (executions, steps, contexts, parameters) of a run. */
    long purgeBatchMetadata(String runId) {
        List<Long> instances = jdbc.queryForList("""
                SELECT DISTINCT e.job_instance_id FROM batch_job_execution e JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE p.parameter_name = 'runId' AND p.parameter_value = ?""", Long.class, runId);
        long rows = 0;
        for (Long inst : instances) {
            String execs = "SELECT job_execution_id FROM batch_job_execution WHERE job_instance_id = " + inst;
            rows += jdbc.update("DELETE FROM batch_step_execution_context WHERE step_execution_id IN "
                    + "(SELECT step_execution_id FROM batch_step_execution WHERE job_execution_id IN (" + execs + "))");
            rows += jdbc.update("DELETE FROM batch_step_execution WHERE job_execution_id IN (" + execs + ")");
            rows += jdbc.update("DELETE FROM batch_job_execution_context WHERE job_execution_id IN (" + execs + ")");
            rows += jdbc.update("DELETE FROM batch_job_execution_params WHERE job_execution_id IN (" + execs + ")");
            rows += jdbc.update("DELETE FROM batch_job_execution WHERE job_instance_id = ?", inst);
            rows += jdbc.update("DELETE FROM batch_job_instance WHERE job_instance_id = ?", inst);
        }
        return rows;
    }
}
