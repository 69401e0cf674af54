package org.voterroll.roll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.run.Run;

/** The figures of summary.json (OUTPUTS.md), all counted from the run's tables. */
final class RunSummary {
    private final JdbcTemplate jdbc;
    private final Run run;

    RunSummary(JdbcTemplate jdbc, Run run) {
        this.jdbc = jdbc;
        this.run = run;
    }

    Map<String, Object> build() {
        String id = run.runId();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runId", id);
        // an insertion-ordered map: Map.of iterates in an order that changes from one JVM to the next, and a restarted
        // run must write the same bytes as an uninterrupted one
        Map<String, Object> county = new LinkedHashMap<>();
        county.put("code", run.countyCode());
        county.put("name", run.countyName());
        s.put("county", county);
        s.put("electionDay", run.electionDay().toString());
        s.put("startedAt", run.startedAt().withNano(0).toString());
        s.put("finishedAt", PublishTasklet.now());

        List<Map<String, Object>> sources = new ArrayList<>();
        jdbc.query("SELECT source, snapshot_id, state, note FROM run_source WHERE run_id = ? ORDER BY source", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            String src = rs.getString(1);
            m.put("source", src);
            m.put("state", rs.getString(3));
            m.put("note", rs.getString(4));
            List<Map<String, Object>> files = new ArrayList<>();
            m.put("files", files);
            sources.add(m);
        }, id);
        // the records and rejects of the run counted by file name in one pass each (a sheet's rows carry "file!sheet"):
        // counted per source file, two scans of every record per file took 8 of publish's 14 s at 1M
        Map<String, long[]> records = new HashMap<>();
        jdbc.query("""
                SELECT r.file_name, COUNT(*), COUNT(r.repairs) FROM src_record r JOIN snapshot sn ON sn.snapshot_id = r.snapshot_id
                WHERE sn.run_id = ? GROUP BY r.file_name""", rs -> { records.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}); }, id);
        Map<String, long[]> rejects = new HashMap<>();
        jdbc.query("SELECT file_name, COUNT(*) FROM reject WHERE run_id = ? GROUP BY file_name",
                rs -> { rejects.put(rs.getString(1), new long[] {rs.getLong(2)}); }, id);
        for (Map<String, Object> m : sources) {
            @SuppressWarnings("unchecked") List<Map<String, Object>> files = (List<Map<String, Object>>) m.get("files");
            long[] tot = new long[4];
            jdbc.query("SELECT file_name, status, encoding, message FROM source_file WHERE run_id = ? AND source = ? ORDER BY file_no", rs -> {
                Map<String, Object> f = new LinkedHashMap<>();
                String name = rs.getString("file_name");
                long acc = ofFile(records, name, 0), rej = ofFile(rejects, name, 0), rep = ofFile(records, name, 1);
                f.put("file", name);
                f.put("status", rs.getString("status"));
                f.put("encoding", rs.getString("encoding"));
                if (rs.getString("message") != null) f.put("message", rs.getString("message"));
                f.put("read", acc + rej);
                f.put("accepted", acc);
                f.put("rejected", rej);
                f.put("repaired", rep);
                tot[0] += acc + rej; tot[1] += acc; tot[2] += rej; tot[3] += rep;
                files.add(f);
            }, id, m.get("source"));
            m.put("read", tot[0]);
            m.put("accepted", tot[1]);
            m.put("rejected", tot[2]);
            m.put("repaired", tot[3]);
        }
        s.put("sources", sources);
        s.put("ignoredFiles", jdbc.queryForList("""
                SELECT file_name AS file, status, message FROM source_file
                WHERE run_id = ? AND status NOT IN ('USABLE', 'UNUSABLE') ORDER BY file_no""", id));

        List<Map<String, Object>> districts = new ArrayList<>();
        Map<String, Object> total = new LinkedHashMap<>();
        jdbc.query("SELECT district_code, district_name, township_code FROM district WHERE run_id = ? ORDER BY district_code", rs -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", rs.getString(1));
            d.put("name", rs.getString(2));
            d.put("township", rs.getString(3));
            districts.add(d);
        }, id);
        // every district's figures from one pass over the run's lines and one over its books (counted per district, four
        // queries a district)
        Map<String, Long> listedIn = new HashMap<>();
        jdbc.query("SELECT district_code, COUNT(*) FROM roll_line WHERE run_id = ? GROUP BY district_code",
                rs -> { listedIn.put(rs.getString(1), rs.getLong(2)); }, id);
        Map<String, Map<String, Long>> byBook = new HashMap<>();
        jdbc.query("""
                SELECT book, district_code, reason, COUNT(*) FROM book_line WHERE run_id = ? AND book IN ('ADDED', 'REMOVED', 'AWAY')
                GROUP BY book, district_code, reason ORDER BY book, district_code, reason""", rs -> {
            byBook.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getLong(4));
        }, id);
        for (Map<String, Object> d : districts) {
            String code = (String) d.get("code");
            d.put("listed", listedIn.getOrDefault(code, 0L));
            d.put("added", new LinkedHashMap<>(byBook.getOrDefault("ADDED|" + code, Map.of())));
            d.put("removed", new LinkedHashMap<>(byBook.getOrDefault("REMOVED|" + code, Map.of())));
            d.put("away", byBook.getOrDefault("AWAY|" + code, Map.of()).values().stream().mapToLong(Long::longValue).sum());
        }
        s.put("districts", districts);
        total.put("listed", count("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", id));
        total.put("added", byReason("ADDED", null));
        total.put("removed", byReason("REMOVED", null));
        total.put("away", count("SELECT COUNT(*) FROM book_line WHERE run_id = ? AND book = 'AWAY'", id));
        total.put("inMigrants", count("SELECT COUNT(*) FROM book_line WHERE run_id = ? AND book = 'INMIGRANT'", id));
        // registration rate: listed ÷ considered people alive, 18 or over and not moved out; the considered, the base and
        // the townships' rates in one pass over registration
        long[] considered = {0}, base = {0};
        Map<String, Object> rateByTownship = new LinkedHashMap<>();
        jdbc.query("""
                SELECT township_code, COUNT(*), SUM(CASE WHEN listed THEN 1 ELSE 0 END), SUM(CASE WHEN %s THEN 1 ELSE 0 END)
                FROM registration WHERE run_id = ? GROUP BY township_code ORDER BY township_code""".formatted(RegistrationRate.BASE), rs -> {
            long b = rs.getLong(4);
            considered[0] += rs.getLong(2);
            base[0] += b;
            if (rs.getString(1) != null) rateByTownship.put(rs.getString(1), b == 0 ? null : Math.round(rs.getLong(3) * 10000.0 / b) / 10000.0);
        }, id);
        total.put("considered", considered[0]);
        Map<String, Long> notListed = new LinkedHashMap<>();
        jdbc.query("SELECT reason, COUNT(*) FROM registration WHERE run_id = ? AND listed = FALSE GROUP BY reason ORDER BY reason",
                rs -> { notListed.put(rs.getString(1), rs.getLong(2)); }, id);
        total.put("notListed", notListed);
        s.put("total", total);

        Map<String, Map<String, Long>> exceptions = new LinkedHashMap<>();
        jdbc.query("SELECT code, level, COUNT(*) FROM exception_item WHERE run_id = ? GROUP BY code, level ORDER BY code, level", rs -> {
            exceptions.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
        }, id);
        s.put("exceptions", exceptions);
        Map<String, Map<String, Long>> byTownship = new LinkedHashMap<>();
        jdbc.query("SELECT COALESCE(township_code, '-'), code, COUNT(*) FROM exception_item WHERE run_id = ? GROUP BY COALESCE(township_code, '-'), code ORDER BY 1, 2", rs -> {
            byTownship.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
        }, id);
        s.put("exceptionsByTownship", byTownship);

        long listed = (Long) total.get("listed");
        s.put("registrationRate", base[0] == 0 ? null : Math.round(listed * 10000.0 / base[0]) / 10000.0);
        s.put("registrationRateByTownship", rateByTownship);
        return s;
    }

    /** The rows of a file: those under its own name and, for a workbook, under "file!sheet" of each of its sheets. */
    private static long ofFile(Map<String, long[]> counts, String file, int column) {
        long n = 0;
        String sheet = file + "!";
        for (var e : counts.entrySet()) if (e.getKey().equals(file) || e.getKey().startsWith(sheet)) n += e.getValue()[column];
        return n;
    }

    private Map<String, Long> byReason(String book, String district) {
        Map<String, Long> m = new LinkedHashMap<>();
        String sql = "SELECT reason, COUNT(*) FROM book_line WHERE run_id = ? AND book = ?" + (district == null ? "" : " AND district_code = ?")
                + " GROUP BY reason ORDER BY reason";
        Object[] args = district == null ? new Object[] {run.runId(), book} : new Object[] {run.runId(), book, district};
        jdbc.query(sql, rs -> { m.put(rs.getString(1), rs.getLong(2)); }, args);
        return m;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
