package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The geometry of a match-weight waterfall (as Splink draws it): one bar per field from the running total before it to the
 * running total after it, then the total, on one horizontal scale that also holds the two thresholds. Built from the stored
 * evidence string ({@link MatchScore#explain()}: {@code NAME=EXACT(+11.6) SEX=AGREE(+1.0) … total=+23.4}); the page only draws
 * the rectangles this computes.
 */
public final class Waterfall {
    /** One bar: {@code x}/{@code width} in pixels of the plot, {@code from}/{@code to} the running totals in bits. */
    public record Bar(String label, String outcome, double weight, double from, double to, double x, double width, double y, boolean positive) {
        public String weightText() { return signed(weight); }
    }

    /** A threshold's vertical line. */
    public record Line(String label, double value, double x) {}

    public static final double WIDTH = 720, LEFT = 210, PLOT = 470, ROW = 24, BAR = 16, TOP = 28;

    private static final Pattern FIELD = Pattern.compile("([A-Z_]+)=([A-Z_]+)\\(([+-]\\d+(?:\\.\\d+)?)\\)");

    private final List<Bar> bars;
    private final List<Line> lines;
    private final double total, min, max;
    private final String decision;

    private Waterfall(List<Bar> bars, List<Line> lines, double total, double min, double max, String decision) {
        this.bars = bars;
        this.lines = lines;
        this.total = total;
        this.min = min;
        this.max = max;
        this.decision = decision;
    }

    /** The field weights of an evidence string, in its order; empty when it holds none (a link by number has no weights). */
    public static List<FieldWeight> parse(String evidence) {
        List<FieldWeight> out = new ArrayList<>();
        if (evidence == null) return out;
        Matcher m = FIELD.matcher(evidence);
        while (m.find()) {
            Optional<Comparison<?>> f = MatchModel.field(m.group(1));
            Optional<? extends Comparison.Level> level = f.flatMap(c -> c.level(m.group(2)));
            // a word that is not a field's level is not a field weight (no build wrote one)
            if (level.isEmpty()) continue;
            out.add(new FieldWeight(f.get(), level.get(), Double.parseDouble(m.group(3))));
        }
        return out;
    }

    /** The evidence in words: 姓名 相同 +11.6；性别 相同 +1.0 … ; the string as it is when it holds no field weights. */
    public static String describe(String evidence) {
        List<FieldWeight> weights = parse(evidence);
        if (weights.isEmpty()) return evidence;
        StringBuilder sb = new StringBuilder();
        double t = 0;
        for (FieldWeight w : weights) {
            if (sb.length() > 0) sb.append("；");
            sb.append(w.field().label()).append(' ').append(w.outcome().label()).append(' ').append(signed(w.weight()));
            t += w.weight();
        }
        return sb.append("；合计 ").append(signed(t)).toString();
    }

    /** The chart of these weights against the thresholds, or null when there are no weights to draw. */
    public static Waterfall of(List<FieldWeight> weights, Thresholds thresholds) {
        if (weights.isEmpty()) return null;
        double run = 0, lo = Math.min(0, thresholds.lower()), hi = Math.max(0, thresholds.upper());
        for (FieldWeight w : weights) {
            run += w.weight();
            lo = Math.min(lo, run);
            hi = Math.max(hi, run);
        }
        // a margin so a bar ending on the edge and the threshold labels stay inside
        double span = hi - lo, pad = Math.max(2, span * 0.04);
        lo -= pad;
        hi += pad;
        List<Bar> bars = new ArrayList<>();
        run = 0;
        int row = 0;
        for (FieldWeight w : weights) {
            double from = run, to = run + w.weight();
            bars.add(bar(w.field().label(), w.outcome().label(), w.weight(), from, to, row++, lo, hi));
            run = to;
        }
        bars.add(bar("合计", "", run, 0, run, row, lo, hi));
        List<Line> lines = List.of(new Line("下限 " + fixed(thresholds.lower()), thresholds.lower(), x(thresholds.lower(), lo, hi)),
                new Line("上限 " + fixed(thresholds.upper()), thresholds.upper(), x(thresholds.upper(), lo, hi)));
        String decision = switch (thresholds.decide(run)) {
            case MATCH -> "高于上限：证据足以认定同一人";
            case REVIEW -> "介于上下限之间：须人工核对";
            case NON_MATCH -> "低于下限：不是同一人";
        };
        return new Waterfall(List.copyOf(bars), lines, run, lo, hi, decision);
    }

    private static Bar bar(String label, String outcome, double weight, double from, double to, int row, double lo, double hi) {
        double a = x(Math.min(from, to), lo, hi), b = x(Math.max(from, to), lo, hi);
        // a zero weight (a field missing on one side) still shows as a hairline
        return new Bar(label, outcome, weight, from, to, a, Math.max(1, b - a), TOP + row * ROW, weight >= 0);
    }

    /** The pixel of a value on the plot's scale. */
    static double x(double value, double lo, double hi) {
        return LEFT + (value - lo) / (hi - lo) * PLOT;
    }

    public List<Bar> bars() { return bars; }
    public List<Line> lines() { return lines; }
    public double total() { return total; }
    public double min() { return min; }
    public double max() { return max; }
    public String decision() { return decision; }
    public String totalText() { return signed(total); }
    public double width() { return WIDTH; }
    public double barHeight() { return BAR; }
    public String viewBox() { return "0 0 " + fixed(WIDTH) + " " + fixed(height()); }
    public double zeroX() { return x(0, min, max); }
    public double height() { return TOP + bars.size() * ROW + 8; }
    public double plotBottom() { return TOP + bars.size() * ROW; }

    static String signed(double w) {
        return (w < 0 ? "-" : "+") + fixed(Math.abs(w));
    }

    private static String fixed(double w) {
        return String.format(Locale.ROOT, "%.1f", w);
    }
}
