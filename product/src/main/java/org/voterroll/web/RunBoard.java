package org.voterroll.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voterroll.codes.Source;
import org.voterroll.labels.Labels;

/**
 * What the operator sees of runs: table run, and Spring Batch's step executions for the per-step counts and live progress.
 * Typed rows with camelCase fields (the JSON API answers them as they are); the pages read the Chinese labels beside the codes.
 */
@Component
public class RunBoard {
    /** A run; {@code guardReasons}: why the guard stopped it, in Chinese (empty unless it stopped for confirmation). */
    public record RunRow(String runId, String countyCode, String countyName, String status, Long jobExecutionId,
                         LocalDateTime startedAt, LocalDateTime finishedAt, String outputPath, String message,
                         List<String> guardReasons, String confirmedBy, String refusedBy) {
        public String statusLabel() { return Labels.status(status); }

        public boolean running() { return "RUNNING".equals(status); }

        public boolean waiting() { return "NEEDS_CONFIRMATION".equals(status); }
    }

    /** One step execution; {@code rejected}: for a load partition the rows it rejected, for the load step their total. */
    public record StepRow(long jobExecutionId, String stepName, String status, LocalDateTime startTime, LocalDateTime endTime,
                          long readCount, long writeCount, Long rejected, long filterCount, long skipCount, long commitCount) {
        public String stepLabel() { return Labels.step(stepName); }

        public String statusLabel() { return Labels.status(status); }
    }

    public record RejectRow(String source, long rejected) {
        public String sourceLabel() { return Source.ofPrefix(source).map(Source::label).orElse(source); }
    }

    public record Figure(String name, long amount) {}

    private final JdbcTemplate jdbc;

    public RunBoard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RunRow> runs(int limit) {
        return jdbc.query("""
                SELECT run_id, county_code, county_name, status, job_execution_id, started_at, finished_at, output_path, message,
                       guard_reasons, confirmed_by, refused_by
                FROM run ORDER BY started_at DESC LIMIT ?""", RunBoard::runRow, limit);
    }

    public RunRow run(String runId) {
        List<RunRow> r = jdbc.query("""
                SELECT run_id, county_code, county_name, status, job_execution_id, started_at, finished_at, output_path, message,
                       guard_reasons, confirmed_by, refused_by
                FROM run WHERE run_id = ?""", RunBoard::runRow, runId);
        return r.isEmpty() ? null : r.get(0);
    }

    private static RunRow runRow(ResultSet rs, int i) throws SQLException {
        String reasons = rs.getString("guard_reasons");
        return new RunRow(rs.getString("run_id"), rs.getString("county_code"), rs.getString("county_name"), rs.getString("status"),
                rs.getObject("job_execution_id", Long.class), time(rs.getTimestamp("started_at")), time(rs.getTimestamp("finished_at")),
                rs.getString("output_path"), rs.getString("message"),
                reasons == null || reasons.isBlank() ? List.of() : List.of(reasons.split("\n")),
                rs.getString("confirmed_by"), rs.getString("refused_by"));
    }

    /**
     * Every step execution of the run's job instance (a restart adds executions), with its counts as the job commits them;
     * a load partition (loadSource:source-huji …) also gets the rows it rejected, the load step their total.
     */
    public List<StepRow> steps(RunRow run) {
        if (run.jobExecutionId() == null) return List.of();
        Map<String, Long> rejected = new java.util.HashMap<>();
        long total = 0;
        for (RejectRow r : rejects(run.runId())) {
            rejected.put("loadSource:source-" + r.source(), r.rejected());
            total += r.rejected();
        }
        rejected.put("load", total);
        return jdbc.query("""
                SELECT se.job_execution_id, se.step_name, se.status, se.start_time, se.end_time, se.read_count, se.write_count,
                       se.filter_count, se.read_skip_count + se.write_skip_count + se.process_skip_count AS skip_count, se.commit_count
                FROM batch_step_execution se
                JOIN batch_job_execution je ON je.job_execution_id = se.job_execution_id
                WHERE je.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)
                ORDER BY se.step_execution_id""", (rs, i) -> new StepRow(rs.getLong("job_execution_id"), rs.getString("step_name"),
                rs.getString("status"), time(rs.getTimestamp("start_time")), time(rs.getTimestamp("end_time")), rs.getLong("read_count"),
                rs.getLong("write_count"), rejected.get(rs.getString("step_name")), rs.getLong("filter_count"), rs.getLong("skip_count"),
                rs.getLong("commit_count")), run.jobExecutionId());
    }

    /** Rows rejected at load, per source (the load step's write count includes them: rejects are written to the report). */
    public List<RejectRow> rejects(String runId) {
        return jdbc.query("SELECT source, COUNT(*) AS rejected FROM reject WHERE run_id = ? GROUP BY source ORDER BY source",
                (rs, i) -> new RejectRow(rs.getString("source"), rs.getLong("rejected")), runId);
    }

    public List<Figure> figures(String runId) {
        return jdbc.query("SELECT name, amount FROM run_figure WHERE run_id = ? ORDER BY name",
                (rs, i) -> new Figure(rs.getString("name"), rs.getLong("amount")), runId);
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
