package org.voterroll.identity.match;

import java.util.Objects;

/**
 * The outcome of comparing one field of a pair and its weight.
 *
 * @param field   the field compared
 * @param outcome the outcome, e.g. {@code "HOMOPHONE"}, {@code "SAME_MONTH"}, {@code "ONE_DIGIT"};
 *                {@code "MISSING"} when either side lacks the value
 * @param weight  log2(m/u): positive for agreement, negative for disagreement, 0 when missing
 */
public record FieldWeight(Field field, String outcome, double weight) {
    public FieldWeight {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(outcome, "outcome");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite: " + weight);
        }
    }

    /** {@code NAME=EXACT(+11.6)}. */
    @Override
    public String toString() {
        return field + "=" + outcome + "(" + MatchScore.signed(weight) + ")";
    }
}
