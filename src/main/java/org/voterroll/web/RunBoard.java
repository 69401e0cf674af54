package org.voterroll.web;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the operator sees of runs: table run, and Spring Batch's step executions for the per-step counts and live progress. */
@Component
public class RunBoard {
    private final JdbcTemplate jdbc;

    public RunBoard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> runs(int limit) {
        return jdbc.queryForList("""
                SELECT run_id, county_code, county_name, status, started_at, finished_at, output_path, message
                FROM run ORDER BY started_at DESC LIMIT ?""", limit);
    }

    public Map<String, Object> run(String runId) {
        List<Map<String, Object>> r = jdbc.queryForList("SELECT * FROM run WHERE run_id = ?", runId);
        return r.isEmpty() ? null : r.get(0);
    }

    /**
     * Every step execution of the run's job instance (a restart adds executions), with its counts as the job commits them;
     * a load partition (loadSource:source-huji …) also gets the rows it rejected, the load step their total.
     */
    public List<Map<String, Object>> steps(String runId, Long jobExecutionId) {
        if (jobExecutionId == null) return List.of();
        Map<String, Long> rejected = new java.util.HashMap<>();
        long total = 0;
        for (Map<String, Object> r : rejects(runId)) {
            long n = ((Number) r.get("rejected")).longValue();
            rejected.put("loadSource:source-" + r.get("source"), n);
            total += n;
        }
        rejected.put("load", total);
        List<Map<String, Object>> steps = new java.util.ArrayList<>();
        for (Map<String, Object> s : stepRows(jobExecutionId)) {
            Map<String, Object> m = new java.util.LinkedHashMap<>(s);
            m.put("rejected", rejected.get((String) s.get("step_name")));
            steps.add(m);
        }
        return steps;
    }

    private List<Map<String, Object>> stepRows(long jobExecutionId) {
        return jdbc.queryForList("""
                SELECT se.job_execution_id, se.step_name, se.status, se.start_time, se.end_time, se.read_count, se.write_count,
                       se.filter_count, se.read_skip_count + se.write_skip_count + se.process_skip_count AS skip_count, se.commit_count
                FROM batch_step_execution se
                JOIN batch_job_execution je ON je.job_execution_id = se.job_execution_id
                WHERE je.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)
                ORDER BY se.step_execution_id""", jobExecutionId);
    }

    /** Rows rejected at load, per source (the load step's write count includes them: rejects are written to the report). */
    public List<Map<String, Object>> rejects(String runId) {
        return jdbc.queryForList("SELECT source, COUNT(*) AS rejected FROM reject WHERE run_id = ? GROUP BY source ORDER BY source", runId);
    }

    public List<Map<String, Object>> figures(String runId) {
        return jdbc.queryForList("SELECT name, amount FROM run_figure WHERE run_id = ? ORDER BY name", runId);
    }
}
