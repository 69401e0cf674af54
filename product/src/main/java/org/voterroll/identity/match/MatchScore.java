package org.voterroll.identity.match;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The score of one record pair: the sum of its field weights, and the weights themselves (one per
 * {@link Comparison} of {@link MatchModel#FIELDS}, in that order).
 */
public record MatchScore(double total, List<FieldWeight> fields) {

    public MatchScore {
        Objects.requireNonNull(fields, "fields");
        fields = List.copyOf(fields);
    }

    /** Builds a score whose total is the sum of the field weights. */
    public static MatchScore of(List<FieldWeight> fields) {
        double t = 0;
        for (FieldWeight f : fields) {
            t += f.weight();
        }
        return new MatchScore(t, fields);
    }

    /** {@code NAME=EXACT(+11.6) SEX=AGREE(+1.0) … total=+23.4}: every field, then the total. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        for (FieldWeight f : fields) {
            sb.append(f).append(' ');
        }
        return sb.append("total=").append(signed(total)).toString();
    }

    /** The weight of one field, or null if the score has none for it. */
    public FieldWeight field(Comparison<?> field) {
        for (FieldWeight f : fields) {
            if (f.field() == field) {
                return f;
            }
        }
        return null;
    }

    /** The level of one field, or null if the score has none for it. */
    public Comparison.Level outcome(Comparison<?> field) {
        FieldWeight f = field(field);
        return f == null ? null : f.outcome();
    }

    /**
     * The total without the given fields: e.g. {@code totalExcluding(MatchModel.ID_SHAPE)} tells whether
     * two records sharing one number look like one person at all (重号 → ID_SHARED).
     */
    public double totalExcluding(Comparison<?>... excluded) {
        Set<Comparison<?>> ex = Set.of(excluded);
        double t = 0;
        for (FieldWeight f : fields) {
            if (!ex.contains(f.field())) {
                t += f.weight();
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return explain();
    }

    static String signed(double w) {
        // avoid "-0.0" for tiny negatives and for 0
        long tenths = Math.round(w * 10);
        long abs = Math.abs(tenths);
        // by hand: String.format was a tenth of the time of scoring a county's candidates
        return (tenths < 0 ? "-" : "+") + abs / 10 + "." + abs % 10;
    }
}
