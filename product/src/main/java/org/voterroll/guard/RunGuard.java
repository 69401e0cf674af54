package org.voterroll.guard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.ingest.Exchange;
import org.voterroll.run.Run;

/**
 * The step before publish ("guard"): nothing is published that an operator would not want published.
 * <ol>
 * <li>every file the run took is still the file it read (same SHA-256): otherwise the run fails — a file
 * changed while the run read it, or the inbox was replaced before a restart;</li>
 * <li>no source shrank sharply against its previous snapshot, and the roll does not change far more than
 * usual against the previous roll: otherwise the run stops as NEEDS_CONFIRMATION until an operator runs
 * {@code confirm RUN_ID}.</li>
 * </ol>
 */
public class RunGuard implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(RunGuard.class);

    /** Thresholds (application.yml voter-roll.guard.*). */
    public record Limits(double maxSourceShrink, long minSourceRows, double maxRollChange, long minRollLines) {
    }

    /**
     * The run stops before publishing until an operator confirms it. {@code reasons}: the same reasons in Chinese only, one
     * each, for the operator's run page (the message, bilingual, is what the command line prints).
     */
    public static class NeedsConfirmationException extends RuntimeException {
        private final List<String> reasons;

        public NeedsConfirmationException(String message, List<String> reasons) {
            super(message);
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    /** One reason to stop: in Chinese for the run page, bilingual in the message. */
    record Reason(String chinese, String message) {}

    /** The delivery changed under the run. */
    public static class DeliveryChangedException extends RuntimeException {
        public DeliveryChangedException(String message) {
            super(message);
        }
    }

    private final Run run;
    private final JdbcTemplate jdbc;
    private final Limits limits;

    public RunGuard(Run run, JdbcTemplate jdbc, Limits limits) {
        this.run = run;
        this.jdbc = jdbc;
        this.limits = limits;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        checkDeliveryUnchanged();
        List<Reason> found = new ArrayList<>(shrunkSourceReasons());
        Reason coverage = coverageChangeReason();
        if (coverage != null) found.add(coverage);
        Reason roll = rollChangeReason();
        if (roll != null) found.add(roll);
        if (found.isEmpty()) return RepeatStatus.FINISHED;
        List<String> reasons = found.stream().map(Reason::message).toList();
        String confirmedBy = jdbc.queryForObject("SELECT confirmed_by FROM run WHERE run_id = ?", String.class, run.runId());
        if (confirmedBy != null) {
            log.warn("run {}: published although {} — confirmed by {}", run.runId(), String.join("; ", reasons), confirmedBy);
            return RepeatStatus.FINISHED;
        }
        throw new NeedsConfirmationException("需要人工确认 (needs an operator's confirmation): " + String.join("; ", reasons)
                + ". Check the delivery; if it is right: java -jar voter-roll.jar confirm " + run.runId(),
                found.stream().map(Reason::chinese).toList());
    }

    void checkDeliveryUnchanged() throws IOException {
        List<Map<String, Object>> files = jdbc.queryForList(
                "SELECT file_name, sha256 FROM source_file WHERE run_id = ? AND status = 'USABLE' ORDER BY file_no", run.runId());
        List<String> changed = new ArrayList<>();
        for (Map<String, Object> f : files) {
            Path p = Exchange.locate((String) f.get("file_name"), run.inboxDir(), run.countyDir());
            if (!Files.isRegularFile(p)) {
                changed.add(f.get("file_name") + " (gone)");
                continue;
            }
            try (InputStream in = Files.newInputStream(p)) {
                if (!DigestUtils.sha256Hex(in).equals(f.get("sha256"))) changed.add(f.get("file_name") + " (content changed)");
            }
        }
        if (!changed.isEmpty()) {
            throw new DeliveryChangedException("交付文件在运行期间被改动 (the delivery changed while the run read it): "
                    + String.join(", ", changed) + "; nothing was published. Start a new run once the delivery is complete (READY)");
        }
    }

    private List<Reason> shrunkSourceReasons() {
        List<Reason> reasons = new ArrayList<>();
        List<Map<String, Object>> fresh = jdbc.queryForList(
                "SELECT source, snapshot_id FROM run_source WHERE run_id = ? AND state = 'FRESH' ORDER BY source", run.runId());
        for (Map<String, Object> f : fresh) {
            String source = (String) f.get("source");
            String name = org.voterroll.codes.Source.ofPrefix(source).map(org.voterroll.codes.Source::label).orElse(source);
            long snap = ((Number) f.get("snapshot_id")).longValue();
            List<Long> prev = jdbc.queryForList("""
                    SELECT s.snapshot_id FROM snapshot s JOIN run r ON r.run_id = s.run_id
                    WHERE s.county_code = ? AND s.source = ? AND s.loaded = TRUE AND s.snapshot_id < ? AND r.status = 'COMPLETED'
                    ORDER BY s.snapshot_id DESC LIMIT 1""", Long.class, run.countyCode(), source, snap);
            if (prev.isEmpty()) continue;
            long before = count(prev.get(0));
            long now = count(snap);
            if (before >= limits.minSourceRows() && now < before * (1 - limits.maxSourceShrink())) {
                long rejected = count("SELECT COUNT(*) FROM reject WHERE run_id = ? AND source = ?", source);
                long read = now + rejected;
                if (read >= before * (1 - limits.maxSourceShrink())) {
                    // the agency delivered as many rows as before: tonight's loss is rows refused by the rules, and that is what to look at
                    reasons.add(new Reason(String.format("%s数据本次读取 %d 行，其中 %d 行被拒收（%.0f%%，上限 %.0f%%），拒收行见 rejects/%s.csv",
                            name, read, rejected, 100.0 * rejected / read, 100 * limits.maxSourceShrink(), source),
                            String.format("来源 %s 本次有 %d 行被拒绝 (source %s: %d of %d rows rejected, %.0f%%; limit %.0f%%; see rejects/%s.csv)",
                            source, rejected, source, rejected, read, 100.0 * rejected / read, 100 * limits.maxSourceShrink(), source)));
                } else {
                    reasons.add(new Reason(String.format("%s数据记录数骤减：由 %d 行减至 %d 行，减少 %.0f%%（上限 %.0f%%）",
                            name, before, now, 100.0 * (before - now) / before, 100 * limits.maxSourceShrink())
                            + (rejected > 0 ? String.format("；另有 %d 行被拒收，见 rejects/%s.csv", rejected, source) : ""),
                            String.format("来源 %s 记录数骤减 (source %s shrank from %d to %d rows, %.0f%% less; limit %.0f%%)",
                            source, source, before, now, 100.0 * (before - now) / before, 100 * limits.maxSourceShrink())
                            + (rejected > 0 ? String.format("; %d 行被拒绝 (%d rows rejected, see rejects/%s.csv)", rejected, rejected, source) : "")));
                }
            }
        }
        return reasons;
    }

    /**
     * xuanqu.csv changed the coverage of a village since the last completed run (moved to another district or
     * covered by none): every district file is valid on its own, so only the comparison shows that a mistyped or
     * forgotten code silently moves a village's people to another roll or off the roll. Stopped for a confirmation,
     * with the people it moves counted by district (previous roll against tonight's, for persons of those villages).
     */
    private Reason coverageChangeReason() {
        if (run.previousRunId() == null) return null;
        List<Map<String, Object>> areas = jdbc.queryForList("""
                SELECT p.area_code, p.district_code AS before_code, n.district_code AS now_code
                FROM district_area p LEFT JOIN district_area n ON n.run_id = ? AND n.area_code = p.area_code
                WHERE p.run_id = ? AND (n.district_code IS NULL OR n.district_code <> p.district_code)
                ORDER BY p.area_code""", run.runId(), run.previousRunId());
        if (areas.isEmpty()) return null;
        List<String> changes = new ArrayList<>();
        List<String> chinese = new ArrayList<>();
        for (Map<String, Object> a : areas) {
            chinese.add(a.get("now_code") == null
                    ? "区划代码 " + a.get("area_code") + " 不再属于任何选区（原属 " + a.get("before_code") + "）"
                    : "区划代码 " + a.get("area_code") + " 从 " + a.get("before_code") + " 移到 " + a.get("now_code"));
            changes.add(a.get("now_code") == null
                    ? "区划代码 " + a.get("area_code") + " 不再属于任何选区 (no longer covered; was " + a.get("before_code") + ")"
                    : "区划代码 " + a.get("area_code") + " 从 " + a.get("before_code") + " 移到 " + a.get("now_code")
                            + " (moved from " + a.get("before_code") + " to " + a.get("now_code") + ")");
        }
        List<Map<String, Object>> moved = jdbc.queryForList("""
                SELECT p.district_code AS before_code, COALESCE(r.district_code, '除名') AS now_code, COUNT(*) AS people
                FROM previous_line p
                JOIN person_run pr ON pr.run_id = p.run_id AND pr.id_number = p.id_number
                JOIN district_area changed ON changed.run_id = ? AND changed.area_code = pr.area_code
                LEFT JOIN district_area n ON n.run_id = p.run_id AND n.area_code = changed.area_code
                LEFT JOIN roll_line r ON r.run_id = p.run_id AND r.id_number = p.id_number
                WHERE p.run_id = ? AND (n.district_code IS NULL OR n.district_code <> changed.district_code)
                  AND (r.district_code IS NULL OR r.district_code <> p.district_code)
                GROUP BY p.district_code, COALESCE(r.district_code, '除名')
                ORDER BY p.district_code, now_code""", run.previousRunId(), run.runId());
        List<String> counts = new ArrayList<>();
        for (Map<String, Object> m : moved) {
            counts.add(m.get("before_code") + " → " + m.get("now_code") + " " + m.get("people") + " 人");
        }
        String affected = counts.isEmpty() ? "无" : String.join("，", counts);
        return new Reason("选区覆盖范围与上次运行不同（xuanqu.csv）：" + String.join("，", chinese) + "；受影响的人（按选区）：" + affected,
                "选区覆盖范围与上次运行不同 (xuanqu.csv covers villages differently since run " + run.previousRunId() + "): "
                + String.join(", ", changes) + "; 受影响的人 (people it moves, by district): "
                + (counts.isEmpty() ? "无 (none)" : String.join(", ", counts)));
    }

    private Reason rollChangeReason() {
        long previous = count("SELECT COUNT(*) FROM previous_line WHERE run_id = ?");
        if (previous < limits.minRollLines()) return null;
        long added = count("SELECT COUNT(*) FROM book_line WHERE run_id = ? AND book = 'ADDED'");
        long removed = count("SELECT COUNT(*) FROM book_line WHERE run_id = ? AND book = 'REMOVED'");
        double share = (added + removed) / (double) previous;
        if (share <= limits.maxRollChange()) return null;
        return new Reason(String.format("名单变动异常：新增 %d 人、除名 %d 人，上次名单共 %d 人，变动 %.0f%%（上限 %.0f%%）",
                added, removed, previous, 100 * share, 100 * limits.maxRollChange()),
                String.format("名单变动异常 (the roll changes far more than usual: %d added and %d removed against %d on the previous roll,"
                + " %.0f%%; limit %.0f%%)", added, removed, previous, 100 * share, 100 * limits.maxRollChange()));
    }

    private long count(long snapshotId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM src_record WHERE snapshot_id = ?", Long.class, snapshotId);
        return n == null ? 0 : n;
    }

    private long count(String sql, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = run.runId();
        System.arraycopy(more, 0, args, 1, more.length);
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
