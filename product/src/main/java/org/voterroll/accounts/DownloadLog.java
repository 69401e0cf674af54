package org.voterroll.accounts;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every file a registration station downloaded. */
@Component
public class DownloadLog {
    private final JdbcTemplate jdbc;

    public DownloadLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String account, String runId, String district, String fileName, String format, String sha256) {
        jdbc.update("""
                INSERT INTO download_log (at, account_name, run_id, district_code, file_name, format, sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", Timestamp.valueOf(LocalDateTime.now()), account, runId, district, fileName, format, sha256);
    }

    public List<Map<String, Object>> forDistrict(String district, int limit) {
        return jdbc.queryForList("""
                SELECT at, account_name, run_id, file_name, format, sha256 FROM download_log
                WHERE district_code = ? ORDER BY download_id DESC LIMIT ?""", district, limit);
    }
}
