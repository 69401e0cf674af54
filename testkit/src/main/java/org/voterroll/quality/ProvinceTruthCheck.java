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

import org.voterroll.ops.JobSpec;

/**
 * Holds a province run against a generated province's truth (generate --province): every county's latest completed run
 * against its own truth ({@link TruthCheck}), and the province run's {@code CROSS_COUNTY_DUPLICATE} items against the
 * planted people who must be on two counties' rolls — each raised in both counties, naming the other, and nothing else.
 */
public final class ProvinceTruthCheck {
    public static final String CODE = "CROSS_COUNTY_DUPLICATE";
    /** the other county as the item's description names it: 同一公民身份号码同时列入北河县（349702）… */
    private static final Pattern OTHER = Pattern.compile("（(\\d{6})）");

    /** @param run the county run checked; null when the county has no completed run (then result is null) */
    public record County(String code, String name, Path run, TruthCheck.Result result) {
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

    /**
     * @param truthDir   the generated province's truth/ (counties.csv, province.csv, one truth directory per county)
     * @param out        where the province run wrote province/&lt;id&gt;/ (province --out)
     * @param provinceRunId the province run; null = the latest under {@code out/province}
     */
    public static Result check(Path truthDir, Path out, String provinceRunId) throws IOException {
        Path base = truthDir.toAbsolutePath().getParent();
        List<County> counties = new ArrayList<>();
        for (String[] c : TruthCheck.read(truthDir.resolve("counties.csv"))) {
            Optional<Path> run = latestRun(JobSpec.load(base.resolve(c[2])).out(), c[0]);
            counties.add(new County(c[0], c[1], run.orElse(null), run.isEmpty() ? null : TruthCheck.check(base.resolve(c[3]), run.get())));
        }
        Path provinceRun = provinceRunId != null ? out.resolve("province").resolve(provinceRunId) : latest(out.resolve("province"), "province-").orElse(null);
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

    /** the county's run directories are named by its code (341299-20261201-013000); a completed one has its summary.json */
    static Optional<Path> latestRun(Path out, String code) throws IOException {
        if (!Files.isDirectory(out)) return Optional.empty();
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().startsWith(code + "-") && Files.isRegularFile(p.resolve("summary.json")))
                    .max(ProvinceTruthCheck::byName);
        }
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
