package org.voterroll.province;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables province_run and province_county (V35). */
@Repository
public class ProvinceRuns {
    private final JdbcTemplate jdbc;

    public ProvinceRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ProvinceRun r) {
        jdbc.update("INSERT INTO province_run (province_run_id, jobs_dir, counties, out_dir, status, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                r.provinceRunId(), r.jobsDir().toString(), String.join(",", r.counties()), r.outDir().toString(), r.status(),
                Timestamp.valueOf(r.startedAt()));
    }

    public Optional<ProvinceRun> find(String provinceRunId) {
        return jdbc.query("SELECT * FROM province_run WHERE province_run_id = ?", ProvinceRuns::map, provinceRunId).stream().findFirst();
    }

    public void started(String provinceRunId, long jobExecutionId) {
        jdbc.update("UPDATE province_run SET status = ?, job_execution_id = ?, finished_at = NULL, message = NULL WHERE province_run_id = ?",
                ProvinceRun.RUNNING, jobExecutionId, provinceRunId);
    }

    public void finish(String provinceRunId, String status, String outputPath, String message, LocalDateTime at) {
        jdbc.update("UPDATE province_run SET status = ?, output_path = COALESCE(?, output_path), message = ?, finished_at = ? WHERE province_run_id = ?",
                status, outputPath, message, Timestamp.valueOf(at), provinceRunId);
    }

    /** The county run a partition ran, or null: a partition restarted after its worker was lost finishes that run. */
    public String countyRun(String provinceRunId, String jobName) {
        return jdbc.query("SELECT run_id FROM province_county WHERE province_run_id = ? AND job_name = ?",
                (rs, i) -> rs.getString(1), provinceRunId, jobName).stream().findFirst().orElse(null);
    }

    /** Records (or updates) the county run of a partition. */
    public void countyRun(String provinceRunId, String jobName, String countyCode, String runId, String status, Long listed, String worker,
                          LocalDateTime at) {
        int n = jdbc.update("""
                UPDATE province_county SET county_code = ?, run_id = ?, status = ?, listed = ?, worker = ?, updated_at = ?
                WHERE province_run_id = ? AND job_name = ?""", countyCode, runId, status, listed, worker, Timestamp.valueOf(at), provinceRunId, jobName);
        if (n == 0) {
            jdbc.update("""
                    INSERT INTO province_county (province_run_id, job_name, county_code, run_id, status, listed, worker, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", provinceRunId, jobName, countyCode, runId, status, listed, worker, Timestamp.valueOf(at));
        }
    }

    private static ProvinceRun map(ResultSet rs, int i) throws SQLException {
        long job = rs.getLong("job_execution_id");
        Long jobExecutionId = rs.wasNull() ? null : job;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ProvinceRun(rs.getString("province_run_id"), Path.of(rs.getString("jobs_dir")),
                List.copyOf(Arrays.asList(rs.getString("counties").split(","))), Path.of(rs.getString("out_dir")), rs.getString("status"),
                jobExecutionId, rs.getTimestamp("started_at").toLocalDateTime(), finished == null ? null : finished.toLocalDateTime(),
                rs.getString("output_path"), rs.getString("message"));
    }
}
