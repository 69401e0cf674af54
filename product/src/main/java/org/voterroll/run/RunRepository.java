package org.voterroll.run;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class RunRepository {
    private final JdbcTemplate jdbc;

    public RunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Run r) {
        jdbc.update("""
                INSERT INTO run (run_id, county_code, county_name, election_day, previous_election_day, in_migrant_months,
                                 county_dir, inbox_dir, out_dir, previous_dir, previous_run_id, status, started_at, matching)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.runId(), r.countyCode(), r.countyName(), r.electionDay(), r.previousElectionDay(), r.inMigrantMonths(),
                r.countyDir().toString(), r.inboxDir().toString(), r.outDir().toString(),
                r.previousDir() == null ? null : r.previousDir().toString(), r.previousRunId(), r.status(),
                Timestamp.valueOf(r.startedAt()), r.matching());
    }

    public Optional<Run> find(String runId) {
        return jdbc.query("SELECT * FROM run WHERE run_id = ?", RunRepository::map, runId).stream().findFirst();
    }

    public List<Run> recent(int limit) {
        return jdbc.query("SELECT * FROM run ORDER BY started_at DESC LIMIT ?", RunRepository::map, limit);
    }

    /** The county's last completed run before the given one: its roll is the previous roll. */
    public Optional<Run> lastCompleted(String countyCode, String beforeRunId) {
        return jdbc.query("""
                SELECT * FROM run WHERE county_code = ? AND status = 'COMPLETED' AND run_id <> ?
                ORDER BY finished_at DESC LIMIT 1""", RunRepository::map, countyCode, beforeRunId).stream().findFirst();
    }

    public void attachJobExecution(String runId, long jobExecutionId) {
        jdbc.update("UPDATE run SET job_execution_id = ?, status = 'RUNNING', message = NULL WHERE run_id = ?", jobExecutionId, runId);
    }

    public void finish(String runId, String status, String outputPath, String message) {
        jdbc.update("UPDATE run SET status = ?, finished_at = ?, output_path = ?, message = ? WHERE run_id = ?",
                status, Timestamp.valueOf(LocalDateTime.now()), outputPath, message, runId);
    }

    /** The guard's reasons for stopping the run, in Chinese, one a line (the run page lists them). */
    public void guardReasons(String runId, List<String> reasons) {
        String text = String.join("\n", reasons);
        jdbc.update("UPDATE run SET guard_reasons = ? WHERE run_id = ?", text.length() > 4000 ? text.substring(0, 4000) : text, runId);
    }

    /** An operator refused a run stopped for confirmation: it stays unpublished for good. */
    public boolean refuse(String runId, String who, String message) {
        // not once confirmed: the confirmation's restart may not have taken the run over yet
        return jdbc.update("UPDATE run SET status = ?, refused_by = ?, message = ? WHERE run_id = ? AND status = ? AND confirmed_by IS NULL",
                Run.REFUSED, who, message, runId, Run.NEEDS_CONFIRMATION) == 1;
    }

    private static Run map(ResultSet rs, int i) throws SQLException {
        Timestamp fin = rs.getTimestamp("finished_at");
        Long exec = rs.getObject("job_execution_id", Long.class);
        return new Run(rs.getString("run_id"), rs.getString("county_code"), rs.getString("county_name"),
                rs.getDate("election_day").toLocalDate(),
                rs.getDate("previous_election_day") == null ? null : rs.getDate("previous_election_day").toLocalDate(),
                rs.getInt("in_migrant_months"), Path.of(rs.getString("county_dir")), Path.of(rs.getString("inbox_dir")),
                Path.of(rs.getString("out_dir")),
                rs.getString("previous_dir") == null ? null : Path.of(rs.getString("previous_dir")),
                rs.getString("previous_run_id"), rs.getString("status"), exec,
                rs.getTimestamp("started_at").toLocalDateTime(), fin == null ? null : fin.toLocalDateTime(),
                rs.getString("output_path"), rs.getString("message"), rs.getString("matching"));
    }
}
