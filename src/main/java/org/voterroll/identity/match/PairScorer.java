package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fellegi–Sunter scorer of a record pair: each {@link Field} is classified into an outcome and
 * weighs log2(m/u) from {@link MatchWeights}; a field missing on either side weighs 0. Stateless
 * apart from the weights, so one instance can be shared between threads.
 *
 * <p>Outcomes per field:
 * <ul>
 *   <li>NAME: the {@link NameAgreement} name;</li>
 *   <li>SEX: AGREE, DISAGREE;</li>
 *   <li>BIRTH: SAME_DATE, SAME_MONTH (a side only knows the month, and it agrees), DAY_OFF (both
 *       dates known, only the day differs), DIFFERENT;</li>
 *   <li>ID_SHAPE: the {@link IdShape} name, except EQUAL_INVALID for an equal number failing its
 *       check digit, and DIFFERENT for two different numbers that are both valid (whatever their
 *       shape: a valid number identifies a person);</li>
 *   <li>AREA: SAME_VILLAGE (12 digits), SAME_TOWNSHIP (9), SAME_COUNTY (6), DIFFERENT, compared
 *       at the finest level both sides know;</li>
 *   <li>HOUSEHOLD: SAME_HOUSEHOLD, SAME_HOUSEHOLD_RELATION_CONFLICT (same key, relations one person
 *       cannot hold both: 户主 vs 子), DIFFERENT; keys of different namespaces are MISSING.</li>
 * </ul>
 * Every outcome may also be MISSING.
 */
public final class PairScorer {

    private static final Field[] FIELDS = Field.values();

    private final MatchWeights weights;

    public PairScorer(MatchWeights w) {
        this.weights = Objects.requireNonNull(w, "weights");
    }

    public MatchWeights weights() {
        return weights;
    }

    public MatchScore score(PartyView a, PartyView b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        List<FieldWeight> fields = new ArrayList<>(FIELDS.length);
        double total = 0;
        for (Field f : FIELDS) {
            String outcome = FieldOutcomes.outcome(f, a, b);
            double w = weights.weight(f, outcome);
            fields.add(new FieldWeight(f, outcome, w));
            total += w;
        }
        return new MatchScore(total, fields);
    }

    /** {@link #score}'s total without its per-field record: blocks compare millions of pairs and keep few. */
    public double total(PartyView a, PartyView b) {
        double total = 0;
        for (Field f : FIELDS) {
            total += weights.weight(f, FieldOutcomes.outcome(f, a, b));
        }
        return total;
    }
}
