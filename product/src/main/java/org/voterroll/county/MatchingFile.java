package org.voterroll.county;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.voterroll.identity.match.Comparison;
import org.voterroll.identity.match.MatchModel;
import org.voterroll.identity.match.Matching;
import org.voterroll.identity.match.MatchWeights;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.run.Run;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The county's optional {@code matching.yml}: its own m/u probabilities and thresholds for identity matching, where
 * the defaults (calibrated for a county of about a million people) do not fit. Every key is optional:
 * <pre>
 * upper-threshold: 28.4          # bits; the best candidate above it is matched when no other there comes near
 * lower-threshold: 14.0          # bits; below it a pair is not a candidate
 * weights:                       # FIELD.OUTCOME: {m: …, u: …}, as `voter-roll matching --county DIR` lists them
 *   AREA.SAME_VILLAGE: {m: 0.70, u: 0.01}
 * </pre>
 * The text is kept with each run, so that a restart, {@code explain} and {@code link-quality} use the settings the
 * run started with.
 *
 * @param text the file's text, null when the county has none (the defaults)
 */
public record MatchingFile(String text, Matching matching) {

    public static final String NAME = "matching.yml";
    private static final List<String> KEYS = List.of("upper-threshold", "lower-threshold", "weights");

    /** The county directory's matching.yml, or the defaults when there is none. */
    public static MatchingFile load(Path countyDir) {
        Path file = countyDir.resolve(NAME);
        if (!Files.exists(file)) return new MatchingFile(null, Matching.defaults());
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new MatchingFile(text, parse(text, file.toString()));
        } catch (IOException e) {
            throw new CountyConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The identity-matching settings a run started with (its matching.yml as it read it; null: the defaults). */
    public static Matching of(Run run) {
        return parse(run.matching(), "the matching.yml of run " + run.runId());
    }

    /** The settings of a matching.yml text (null: the defaults); {@code where} names it in messages. */
    public static Matching parse(String text, String where) {
        if (text == null) return Matching.defaults();
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new CountyConfigException(where + ": 无法解析 (cannot parse YAML): " + e.getMessage());
        }
        if (parsed == null) return Matching.defaults();
        Map<?, ?> y = mapping(parsed, where);
        for (Object key : y.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new CountyConfigException(where + ": unknown setting '" + key + "' — the settings are " + String.join(", ", KEYS));
            }
        }
        Thresholds defaults = Thresholds.defaults();
        double upper = number(y.get("upper-threshold"), defaults.upper(), where + ": upper-threshold");
        double lower = number(y.get("lower-threshold"), defaults.lower(), where + ": lower-threshold");
        if (!(upper > lower)) {
            throw new CountyConfigException(where + ": upper-threshold " + upper + " must be above lower-threshold " + lower);
        }
        MatchWeights.Builder weights = MatchWeights.builder();
        Object w = y.get("weights");
        if (w != null) {
            for (Map.Entry<?, ?> e : mapping(w, where + ": weights").entrySet()) {
                setWeight(weights, String.valueOf(e.getKey()), e.getValue(), where);
            }
        }
        Matching matching = new Matching(weights.build(), new Thresholds(upper, lower));
        List<String> violations = matching.violations();
        if (!violations.isEmpty()) throw new CountyConfigException(where + ": " + String.join("; ", violations));
        return matching;
    }

    private static void setWeight(MatchWeights.Builder weights, String key, Object value, String where) {
        String at = where + ": weights " + key;
        int dot = key.indexOf('.');
        Comparison<?> field = dot > 0 ? MatchModel.field(key.substring(0, dot)).orElse(null) : null;
        if (field == null) {
            throw new CountyConfigException(at + ": a weight is named FIELD.OUTCOME, FIELD one of " + MatchModel.FIELDS);
        }
        String outcome = key.substring(dot + 1);
        Comparison.Level level = field.levels().stream().filter(l -> l.name().equals(outcome)).findFirst()
                .orElseThrow(() -> new CountyConfigException(at + ": no outcome " + outcome + " of " + field + " (its outcomes: "
                        + field.levels() + ")"));
        MatchWeights.Entry entry = MatchWeights.defaults().entry(level);
        if (entry.basis() == MatchWeights.Basis.POLICY) {
            throw new CountyConfigException(at + ": set by the registration rules, not by a county (an equal valid number, "
                    + "a one-character name difference and a former name weigh what RULES.md needs)");
        }
        Map<?, ?> mu = mapping(value, at);
        for (Object k : mu.keySet()) {
            if (!k.equals("m") && !k.equals("u")) throw new CountyConfigException(at + ": unknown key '" + k + "' (m and u)");
        }
        double m = number(mu.get("m"), entry.m(), at + ".m");
        double u = number(mu.get("u"), entry.u(), at + ".u");
        if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
            throw new CountyConfigException(at + ": m and u are probabilities above 0 and at most 1, got m " + m + ", u " + u);
        }
        weights.set(level, m, u);
    }

    private static Map<?, ?> mapping(Object o, String where) {
        if (o instanceof Map<?, ?> m) return m;
        throw new CountyConfigException(where + ": expected a mapping of settings, got '" + o + "'");
    }

    private static double number(Object o, double otherwise, String where) {
        if (o == null) return otherwise;
        if (o instanceof Number n && Double.isFinite(n.doubleValue())) return n.doubleValue();
        throw new CountyConfigException(where + " must be a number, got '" + o + "'");
    }
}
