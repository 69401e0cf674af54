package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fellegi–Sunter scorer of a record pair: each {@link Comparison} of {@link MatchModel#FIELDS} puts the pair at one of its
 * levels, which weighs log2(m/u) from {@link MatchWeights}; a field missing on either side weighs 0. Stateless apart
 * from the weights, so one instance can be shared between threads.
 */
public final class PairScorer {

    private static final List<Comparison<?>> FIELDS = MatchModel.FIELDS;

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
        List<FieldWeight> fields = new ArrayList<>(FIELDS.size());
        double total = 0;
        for (Comparison<?> c : FIELDS) {
            FieldWeight w = field(c, a, b, aName);
            fields.add(w);
            total += w.weight();
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
        for (Comparison<?> c : FIELDS) {
            total += weight(c, a, b, aName);
        }
        return total;
    }

    private <L extends Enum<L> & Comparison.Level> FieldWeight field(Comparison<L> c, PartyView a, PartyView b, NameFrequency aName) {
        L level = c.compare(a, b);
        return new FieldWeight(c, level, c.weigh(weights, level, a, b, aName));
    }

    private <L extends Enum<L> & Comparison.Level> double weight(Comparison<L> c, PartyView a, PartyView b, NameFrequency aName) {
        return c.weigh(weights, c.compare(a, b), a, b, aName);
    }
}
