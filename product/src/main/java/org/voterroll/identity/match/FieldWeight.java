package org.voterroll.identity.match;

import java.util.Objects;

/**
 * The level one field of a pair agrees at and its weight.
 *
 * @param field   the comparison
 * @param outcome its level, e.g. HOMOPHONE, SAME_MONTH, ONE_DIGIT; MISSING when either side lacks the value
 * @param weight  log2(m/u): positive for agreement, negative for disagreement, 0 when missing
 */
public record FieldWeight(Comparison<?> field, Comparison.Level outcome, double weight) {
    public FieldWeight {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.comparison() != field) {
            throw new IllegalArgumentException(outcome + " is not a level of " + field);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite: " + weight);
        }
    }

    /** {@code NAME=EXACT(+11.6)}. */
    @Override
    public String toString() {
        return field + "=" + outcome.name() + "(" + MatchScore.signed(weight) + ")";
    }
}
