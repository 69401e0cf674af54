package org.voterroll.province;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.roll.RegistrationRate;

/**
 * What the pages read of province runs: the runs (province_run), each county's partition as Spring Batch last recorded it and
 * the county run it ran (province_county, run), the registration rates side by side, and the province's items
 * (province_exception) with their decisions. An area scope (a province's 2 or a city's 4 leading digits, or none) limits
 * everything to the counties under it. Read-only: decisions are the clerks', on their own pages.
 */
@Repository
public class ProvinceBoard {
    public record RunRow(String provinceRunId, String status, LocalDateTime startedAt, LocalDateTime finishedAt, String message,
                         Long jobExecutionId, List<String> jobNames) {}

    /** One county of a run: its partition's status, its county run and that run's figures ({@code base}: the rate's denominator). */
    public record CountyRow(String jobName, String countyCode, String countyName, String partitionStatus, String runId, String runStatus,
                            Long listed, Long base, String worker, LocalDateTime updatedAt) {
        public Double rate() {
            return listed == null || base == null || base == 0 ? null : listed / (double) base;
        }
    }

    /** A step of the province job other than a county's partition (counties, check, exchange), as last recorded. */
    public record StepRow(String stepName, String status, LocalDateTime startTime, LocalDateTime endTime, long writeCount) {}

    public record ItemCount(String countyCode, String code, long total, long open) {}

    /**
     * One item: {@code idNumber} as the job wrote it, for the clerk of the county concerned only ({@link #maskedNumber()} for
     * everyone else).
     */
    public record Item(String provinceRunId, int itemNo, String code, String level, String countyCode, String countyName, String runId,
                       String townshipCode, String districtCode, String idNumber, String names, String description, String evidence,
                       String fingerprint, String otherCountyCode, String otherCountyName, String otherRunId, String verdict,
                       String decidedBy, LocalDateTime decidedAt) {
        public String maskedNumber() {
            return idNumber == null ? null : IdNumbers.mask(idNumber);
        }

        public boolean open() {
            return verdict == null;
        }
    }

    public record ItemPage(List<Item> items, long total, int page, int pages) {}

    public static final int PAGE_SIZE = 50;

    private static final String ITEM_SELECT = """
            SELECT pe.province_run_id, pe.item_no, pe.code, pe.level, pe.county_code, r.county_name, pe.run_id, pe.township_code,
                   pe.district_code, pe.id_numbers, pe.names, pe.description, pe.evidence, pe.fingerprint, pe.other_county_code,
                   o.county_name AS other_county_name, pe.other_run_id, d.verdict, d.decided_by, d.decided_at
            FROM province_exception pe
            LEFT JOIN run r ON r.run_id = pe.run_id
            LEFT JOIN run o ON o.run_id = pe.other_run_id
            LEFT JOIN decision d ON d.decision_id =
                 (SELECT MAX(d2.decision_id) FROM decision d2 WHERE d2.county_code = pe.county_code AND d2.fingerprint = pe.fingerprint)
            """;

    private final JdbcTemplate jdbc;
    /** a completed county run's figures never change: counted once per run, not on every page view of a province of millions */
    private final Map<String, long[]> figures = new ConcurrentHashMap<>();

    public ProvinceBoard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest province runs with a county under the scope (every run for none), newest first. */
    public List<RunRow> runs(String scope, int limit) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (scope != null) {
            where = " WHERE EXISTS (SELECT 1 FROM province_county pc WHERE pc.province_run_id = p.province_run_id AND pc.county_code LIKE ?)";
            args.add(scope + "%");
        }
        args.add(limit);
        return jdbc.query("SELECT * FROM province_run p" + where + " ORDER BY started_at DESC, province_run_id DESC LIMIT ?", ProvinceBoard::runRow,
                args.toArray());
    }

    public Optional<RunRow> run(String provinceRunId) {
        return jdbc.query("SELECT * FROM province_run WHERE province_run_id = ?", ProvinceBoard::runRow, provinceRunId).stream().findFirst();
    }

    /** Whether the run holds a county under the scope (none: any run). */
    public boolean inScope(String provinceRunId, String scope) {
        if (scope == null) return true;
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM province_county WHERE province_run_id = ? AND county_code LIKE ?", Integer.class,
                provinceRunId, scope + "%");
        return n != null && n > 0;
    }

    /**
     * The run's counties in its order of job directories: those under the scope; for no scope also a county whose partition
     * has not yet recorded its county (its code then unknown).
     */
    public List<CountyRow> counties(RunRow run, String scope) {
        Map<String, String> partitions = partitionStatuses(run);
        Map<String, Map<String, Object>> recorded = new LinkedHashMap<>();
        jdbc.query("""
                SELECT pc.job_name, pc.county_code, r.county_name, pc.run_id, r.status, pc.listed, pc.worker, pc.updated_at
                FROM province_county pc LEFT JOIN run r ON r.run_id = pc.run_id WHERE pc.province_run_id = ?""", rs -> {
            Map<String, Object> m = new java.util.HashMap<>();
            for (String c : List.of("county_code", "county_name", "run_id", "status", "worker")) m.put(c, rs.getString(c));
            m.put("listed", rs.getObject("listed") == null ? null : rs.getLong("listed"));
            m.put("updated_at", time(rs.getTimestamp("updated_at")));
            recorded.put(rs.getString("job_name"), m);
        }, run.provinceRunId());
        List<CountyRow> out = new ArrayList<>();
        for (String job : run.jobNames()) {
            Map<String, Object> m = recorded.get(job);
            String code = m == null ? null : (String) m.get("county_code");
            if (scope != null && (code == null || !code.startsWith(scope))) continue;
            String runId = m == null ? null : (String) m.get("run_id");
            String runStatus = m == null ? null : (String) m.get("status");
            long[] f = "COMPLETED".equals(runStatus) ? figures(runId) : null;
            out.add(new CountyRow(job, code, m == null ? null : (String) m.get("county_name"), partitions.getOrDefault("county:" + job, "NOT_STARTED"),
                    runId, runStatus, f != null ? Long.valueOf(f[0]) : m == null ? null : (Long) m.get("listed"), f == null ? null : f[1],
                    m == null ? null : (String) m.get("worker"), m == null ? null : (LocalDateTime) m.get("updated_at")));
        }
        return out;
    }

    /** The province job's own steps (the partitioned step, the check, the exchange), each as last recorded. */
    public List<StepRow> steps(RunRow run) {
        if (run.jobExecutionId() == null) return List.of();
        return jdbc.query(LAST_STEPS + " AND se.step_name NOT LIKE 'county:%' ORDER BY se.step_execution_id", (rs, i) -> new StepRow(
                rs.getString("step_name"), rs.getString("status"), time(rs.getTimestamp("start_time")), time(rs.getTimestamp("end_time")),
                rs.getLong("write_count")), run.jobExecutionId());
    }

    /** The latest execution of each step over the job instance's executions (a restart adds executions of the failed ones). */
    private static final String LAST_STEPS = """
            SELECT se.step_name, se.status, se.start_time, se.end_time, se.write_count, se.step_execution_id FROM batch_step_execution se
            WHERE se.step_execution_id IN (
                SELECT MAX(s2.step_execution_id) FROM batch_step_execution s2
                JOIN batch_job_execution j2 ON j2.job_execution_id = s2.job_execution_id
                WHERE j2.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)
                GROUP BY s2.step_name)""";

    private Map<String, String> partitionStatuses(RunRow run) {
        Map<String, String> out = new java.util.HashMap<>();
        if (run.jobExecutionId() == null) return out;
        jdbc.query(LAST_STEPS + " AND se.step_name LIKE 'county:%'", rs -> { out.put(rs.getString("step_name"), rs.getString("status")); },
                run.jobExecutionId());
        return out;
    }

    /** listed (roll lines, as summary.json counts them) and the rate's denominator of a completed county run. */
    private long[] figures(String runId) {
        return figures.computeIfAbsent(runId, id -> jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM roll_line l WHERE l.run_id = ?),
                       (SELECT COUNT(*) FROM registration g WHERE g.run_id = ? AND (%s))""".formatted(RegistrationRate.BASE),
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, id, id));
    }

    /** Per county under the scope and code: how many items, how many with no decision yet. */
    public List<ItemCount> itemCounts(String provinceRunId, String scope) {
        return jdbc.query("SELECT q.county_code, q.code, COUNT(*), SUM(CASE WHEN q.verdict IS NULL THEN 1 ELSE 0 END) FROM (" + ITEM_SELECT
                        + " WHERE pe.province_run_id = ? AND pe.county_code LIKE ?) q GROUP BY q.county_code, q.code ORDER BY q.county_code, q.code",
                (rs, i) -> new ItemCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), provinceRunId, like(scope));
    }

    /** One page of the run's items under the scope, by county then number; a county or a code narrows them. */
    public ItemPage items(String provinceRunId, String scope, String county, String code, int page) {
        List<Object> args = new ArrayList<>(List.of(provinceRunId, like(scope)));
        StringBuilder where = new StringBuilder(" WHERE pe.province_run_id = ? AND pe.county_code LIKE ?");
        if (county != null) {
            where.append(" AND pe.county_code = ?");
            args.add(county);
        }
        if (code != null) {
            where.append(" AND pe.code = ?");
            args.add(code);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM province_exception pe" + where, Long.class, args.toArray());
        long t = total == null ? 0 : total;
        int pages = (int) Math.max(1, (t + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        args.add(PAGE_SIZE);
        args.add((p - 1) * PAGE_SIZE);
        List<Item> items = jdbc.query(ITEM_SELECT + where + " ORDER BY pe.county_code, pe.item_no LIMIT ? OFFSET ?", ProvinceBoard::item,
                args.toArray());
        return new ItemPage(items, t, p, pages);
    }

    public Optional<Item> item(String provinceRunId, int itemNo) {
        return jdbc.query(ITEM_SELECT + " WHERE pe.province_run_id = ? AND pe.item_no = ?", ProvinceBoard::item, provinceRunId, itemNo).stream()
                .findFirst();
    }

    /**
     * The items of one code a county's clerks answer, of the latest completed province run that held the county (its check
     * raised afresh whatever is still open; an older run's items are done or raised again):
     * one township's ({@code township} given), or those without a township (the county office's).
     */
    public List<Item> forCounty(String countyCode, String township, String code) {
        List<String> latest = jdbc.queryForList("""
                SELECT p.province_run_id FROM province_run p JOIN province_county pc ON pc.province_run_id = p.province_run_id
                WHERE pc.county_code = ? AND p.status = 'COMPLETED' ORDER BY p.started_at DESC, p.province_run_id DESC LIMIT 1""", String.class,
                countyCode);
        if (latest.isEmpty()) return List.of();
        String where = " WHERE pe.province_run_id = ? AND pe.county_code = ? AND pe.code = ? AND "
                + (township == null ? "pe.township_code IS NULL" : "pe.township_code = ?");
        List<Object> args = new ArrayList<>(List.of(latest.get(0), countyCode, code));
        if (township != null) args.add(township);
        return jdbc.query(ITEM_SELECT + where + " ORDER BY CASE WHEN d.verdict IS NULL THEN 0 ELSE 1 END, pe.item_no", ProvinceBoard::item,
                args.toArray());
    }

    private static String like(String scope) {
        return scope == null ? "%" : scope + "%";
    }

    private static RunRow runRow(ResultSet rs, int i) throws SQLException {
        long job = rs.getLong("job_execution_id");
        Long jobExecutionId = rs.wasNull() ? null : job;
        return new RunRow(rs.getString("province_run_id"), rs.getString("status"), time(rs.getTimestamp("started_at")),
                time(rs.getTimestamp("finished_at")), rs.getString("message"), jobExecutionId, List.of(rs.getString("counties").split(",")));
    }

    private static Item item(ResultSet rs, int i) throws SQLException {
        return new Item(rs.getString("province_run_id"), rs.getInt("item_no"), rs.getString("code"), rs.getString("level"), rs.getString("county_code"),
                rs.getString("county_name"), rs.getString("run_id"), rs.getString("township_code"), rs.getString("district_code"),
                rs.getString("id_numbers"), rs.getString("names"), rs.getString("description"), rs.getString("evidence"), rs.getString("fingerprint"),
                rs.getString("other_county_code"), rs.getString("other_county_name"), rs.getString("other_run_id"), rs.getString("verdict"),
                rs.getString("decided_by"), time(rs.getTimestamp("decided_at")));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
