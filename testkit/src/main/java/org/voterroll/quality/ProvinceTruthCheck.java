package org.voterroll.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Holds a province run against a generated province's truth (generate --province): every county's run of that province run
 * (province_county, the run's output_path) against its own truth ({@link TruthCheck}), and the province run's
 * {@code CROSS_COUNTY_DUPLICATE} items against the planted people who must be on two counties' rolls — each raised in both
 * counties, naming the other, and nothing else. The county runs come from the database, not from the output directory: a
 * county's job.yml may name another out than the province run's, and the latest run in a directory need not be the one the
 * province run ran.
 */
public final class ProvinceTruthCheck {
    public static final String CODE = "CROSS_COUNTY_DUPLICATE";
    /** the other county as the item's description names it: 同一公民身份号码同时列入北河县（349702）… */
    private static final Pattern OTHER = Pattern.compile("（(\\d{6})）");

    /**
     * @param run the county run checked; null when the province run has no completed run of the county (then result is null
     *            and {@code why} says so)
     */
    public record County(String code, String name, Path run, TruthCheck.Result result, String why) {
        public boolean clean() {
            return result != null && result.clean();
        }
    }

    /**
     * @param expected  items the truth requires: (county, number, other county), two per person on two rolls
     * @param missing   required items not raised
     * @param unexpected items raised that the truth does not require (or raised twice)
     */
    public record Result(List<County> counties, Path provinceRun, int planted, int duplicatesPlanted, int expected, int raised,
                         List<String> missing, List<String> unexpected) {
        public boolean clean() {
            return provinceRun != null && missing.isEmpty() && unexpected.isEmpty() && counties.stream().allMatch(County::clean);
        }

        public String summary() {
            long cleanCounties = counties.stream().filter(County::clean).count();
            return String.format("province: %d counties (%d clean), planted cross-county persons %d (on two rolls %d) | %s expected %d,"
                            + " raised %d, missing %d, unexpected %d", counties.size(), cleanCounties, planted, duplicatesPlanted, CODE,
                    expected, raised, missing.size(), unexpected.size());
        }
    }

    private ProvinceTruthCheck() {
    }

    /** A county's run in the province run as the workers recorded it, with the run's own status and output directory. */
    private record Ran(String runId, String status, String outputPath) {}

    /**
     * @param dataSource    the database the province run recorded its counties in
     * @param truthDir      the generated province's truth/ (counties.csv, province.csv, one truth directory per county)
     * @param out           where the province run wrote province/&lt;id&gt;/ (province --out)
     * @param provinceRunId the province run; null = the latest under {@code out/province}
     */
    public static Result check(DataSource dataSource, Path truthDir, Path out, String provinceRunId) throws IOException {
        Path base = truthDir.toAbsolutePath().getParent();
        Path provinceRun = provinceRunId != null ? out.resolve("province").resolve(provinceRunId) : latest(out.resolve("province"), "province-").orElse(null);
        String id = provinceRun == null ? null : provinceRun.getFileName().toString();
        Map<String, Ran> ran = new HashMap<>();
        if (id != null) {
            new JdbcTemplate(dataSource).query("""
                    SELECT pc.county_code, pc.run_id, r.status, r.output_path FROM province_county pc
                    LEFT JOIN run r ON r.run_id = pc.run_id WHERE pc.province_run_id = ?""", rs -> {
                ran.put(rs.getString(1), new Ran(rs.getString(2), rs.getString(3), rs.getString(4)));
            }, id);
        }
        List<County> counties = new ArrayList<>();
        for (String[] c : TruthCheck.read(truthDir.resolve("counties.csv"))) {
            Ran r = ran.get(c[0]);
            String why = id == null ? "no province run" : r == null ? "not run in " + id
                    : r.status() == null ? "run " + r.runId() + " of " + id + " not found"
                    : !"COMPLETED".equals(r.status()) || r.outputPath() == null ? "run " + r.runId() + " of " + id + " is " + r.status() : null;
            if (why != null) {
                counties.add(new County(c[0], c[1], null, null, why));
                continue;
            }
            Path run = Path.of(r.outputPath());
            counties.add(new County(c[0], c[1], run, TruthCheck.check(base.resolve(c[3]), run), null));
        }
        if (provinceRun != null && !Files.isRegularFile(provinceRun.resolve("exceptions.csv"))) provinceRun = null;

        Map<String, Integer> expected = new HashMap<>();
        int planted = 0, duplicates = 0;
        for (String[] p : TruthCheck.read(truthDir.resolve("province.csv"))) {
            planted++;
            if (!"是".equals(p[7])) continue;
            duplicates++;
            expected.merge(key(p[2], p[0], p[3]), 1, Integer::sum);
            expected.merge(key(p[3], p[0], p[2]), 1, Integer::sum);
        }
        Map<String, Integer> raised = new HashMap<>();
        if (provinceRun != null) {
            for (String[] e : TruthCheck.read(provinceRun.resolve("exceptions.csv"))) {
                if (!CODE.equals(e[2])) continue;
                Matcher m = OTHER.matcher(e[8]);
                raised.merge(key(e[1], e[6], m.find() ? m.group(1) : "?"), 1, Integer::sum);
            }
        }
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>();
        for (String k : new TreeSet<>(expected.keySet())) {
            if (!raised.containsKey(k)) missing.add(describe(k));
        }
        for (String k : new TreeSet<>(raised.keySet())) {
            if (!expected.containsKey(k)) unexpected.add(describe(k));
            else if (raised.get(k) > expected.get(k)) unexpected.add(describe(k) + " raised " + raised.get(k) + " times");
        }
        int raisedCount = raised.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(counties, provinceRun, planted, duplicates, expected.size(), raisedCount, missing, unexpected);
    }

    private static String key(String county, String number, String other) {
        return county + "|" + number + "|" + other;
    }

    private static String describe(String key) {
        String[] k = key.split("\\|");
        return "in " + k[0] + " " + TruthCheck.mask(k[1]) + " naming " + k[2];
    }

    private static Optional<Path> latest(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)).max(ProvinceTruthCheck::byName);
        }
    }

    private static int byName(Path a, Path b) {
        return a.getFileName().toString().compareTo(b.getFileName().toString());
    }
}
