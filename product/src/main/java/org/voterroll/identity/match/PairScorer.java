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
        return score(a, b, null);
    }

    /**
     * The score of record {@code a} against {@code b}, with the NAME weight adjusted to how common a's name is in the
     * county ({@link MatchWeights#nameWeight}); {@code aName} null gives {@link #score(PartyView, PartyView)}.
     */
    public MatchScore score(PartyView a, PartyView b, NameFrequency aName) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        List<FieldWeight> fields = new ArrayList<>(FIELDS.length);
        double total = 0;
        for (Field f : FIELDS) {
            String outcome = FieldOutcomes.outcome(f, a, b);
            double w = weight(f, outcome, a, b, aName);
            fields.add(new FieldWeight(f, outcome, w));
            total += w;
        }
        return new MatchScore(total, fields);
    }

    /** {@link #score}'s total without its per-field record: blocks compare millions of pairs and keep few. */
    public double total(PartyView a, PartyView b) {
        return total(a, b, null);
    }

    /** {@link #score(PartyView, PartyView, NameFrequency)}'s total. */
    public double total(PartyView a, PartyView b, NameFrequency aName) {
        double total = 0;
        for (Field f : FIELDS) {
            total += weight(f, FieldOutcomes.outcome(f, a, b), a, b, aName);
        }
        return total;
    }

    private double weight(Field f, String outcome, PartyView a, PartyView b, NameFrequency aName) {
        if (f != Field.NAME || aName == null || outcome.equals(FieldOutcomes.MISSING)) {
            return weights.weight(f, outcome);
        }
        return weights.nameWeight(outcome, aName.sharing(outcome, a.name().strip(), b.name().strip()), aName.persons());
    }
}
