package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Fellegi–Sunter m- and u-probabilities per level of each comparison of {@link MatchModel}. The weight of an outcome is
 * log2(m/u); MISSING always weighs 0.
 *
 * <ul>
 *   <li>m = P(outcome | the two records are the same person)</li>
 *   <li>u = P(outcome | the two records are different people)</li>
 * </ul>
 *
 * <p>The defaults are chosen for one Chinese county of about a million people with ~20 townships
 * and ~400 villages/communities (~2,500 people each); each value is explained where it is set in
 * {@link #defaults()}. Every entry has a {@link Basis}: only {@link Basis#RANDOM_PAIRS} entries are
 * plain county-wide frequencies among random pairs and are touched by {@link #reestimateU}; the
 * others are deliberately conditional or policy values (explained there) that random pairs
 * cannot estimate.
 *
 * <p>Immutable and thread-safe; {@link #builder()} / {@link #toBuilder()} override any entry.
 */
public final class MatchWeights {

    /** Where an entry's u comes from. */
    public enum Basis {
        /** u is the frequency of the outcome among random pairs of the county; re-estimable. */
        RANDOM_PAIRS,
        /**
         * u is measured among pairs that already agree on a correlated field (e.g. household
         * within the same village), so that the weight does not count the same evidence twice.
         */
        CONDITIONAL,
        /** The weight is set by the registration rules, not by a frequency (m/u only express it). */
        POLICY
    }

    /** One level's m, u and basis. */
    public record Entry(Comparison.Level level, double m, double u, Basis basis) {
        public Entry {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(basis, "basis");
            if (level.prior() == null) {
                throw new IllegalArgumentException("unknown outcome " + level.comparison() + "=" + level.name()
                        + " (known: " + level.comparison().levels() + "; MISSING always weighs 0)");
            }
            if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
                throw new IllegalArgumentException(level.comparison() + "=" + level.name()
                        + ": m and u must lie in (0, 1], got m=" + m + " u=" + u);
            }
        }

        /** The comparison the level belongs to. */
        public Comparison<?> field() {
            return level.comparison();
        }

        /** log2(m/u). */
        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    /** A pair of records known (or assumed, for random pairs) not to be the same person. */
    public record Pair(PartyView a, PartyView b) {
        public Pair {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }
    }

    /** Per comparison, its levels' entries by ordinal (null for MISSING). */
    private final Map<Comparison<?>, Entry[]> entries;
    /** Per comparison, its levels' weights by ordinal (MISSING 0), precomputed for the scorer. */
    private final Map<Comparison<?>, double[]> weights;

    private MatchWeights(Map<Comparison<?>, Map<Comparison.Level, Entry>> set) {
        Map<Comparison<?>, Entry[]> e = new IdentityHashMap<>();
        Map<Comparison<?>, double[]> w = new IdentityHashMap<>();
        for (Comparison<?> c : MatchModel.FIELDS) {
            int n = c.levels().size() + 1;
            Entry[] byLevel = new Entry[n];
            double[] weightByLevel = new double[n];
            for (Comparison.Level l : c.levels()) {
                Entry en = set.get(c).get(l);
                if (en == null) {
                    throw new IllegalStateException("no m/u for " + c + "=" + l.name());
                }
                byLevel[l.ordinal()] = en;
                weightByLevel[l.ordinal()] = en.weight();
            }
            weightByLevel[c.missing().ordinal()] = 0.0;
            e.put(c, byLevel);
            w.put(c, weightByLevel);
        }
        this.entries = e;
        this.weights = w;
    }

    /**
     * The defaults for a Chinese county of about a million people: each level's {@link Comparison.Prior}, explained
     * where its comparison declares it ({@link NameComparison}, {@link SexComparison}, …).
     *
     * <p>The numbers are also calibrated together with {@link Thresholds#defaults()}; the
     * properties they must keep are asserted by ThresholdsTest.
     */
    public static MatchWeights defaults() {
        return DEFAULTS;
    }

    private static final MatchWeights DEFAULTS = buildDefaults();

    private static MatchWeights buildDefaults() {
        Builder b = new Builder();
        for (Comparison<?> c : MatchModel.FIELDS) {
            for (Comparison.Level l : c.levels()) {
                b.set(l, l.prior().m(), l.prior().u(), l.prior().basis());
            }
        }
        return b.build();
    }

    // ------------------------------------------------------------------ term frequencies

    /**
     * Highest NAME weight a term-frequency adjustment may give. The rules say name, sex and birth date never prove one
     * person, however rare the name: with the weakest corroborations (same township +0.92, a number two digits off
     * +1.00) they must stay below the upper threshold, 28.4 − SEX AGREE 0.97 − BIRTH SAME_DATE 14.30 − 1.00 = 12.13.
     * A survey row (birth month only) of a rare name in the person's village still clears it (12.0 + 0.97 + 9.42 +
     * 8.13 = 30.5).
     */
    public static final double NAME_TF_MAX = 12.0;

    /**
     * m of WILDCARD among the pairs where the record's name has an unknown character: its person's name then fits it
     * unless a second slip spoiled it. (The table's m of 0.005 is among all pairs, most of whose names have none.)
     */
    static final double WILDCARD_M_GIVEN_UNKNOWN = 0.9;

    /**
     * How many persons' worth of evidence the table's u counts for when a name's frequency is estimated. A county of
     * twenty people says little about how rare a name is (one bearer in twenty is not a frequency of 5 %); a county of
     * a million says much. With 10,000 the estimate stays near the table's u below a few thousand persons and follows
     * the county's own counts above a hundred thousand.
     */
    static final double TF_PRIOR_PERSONS = 10_000;

    /**
     * The NAME weight of an outcome given how many of the county's persons share it with the record (term-frequency
     * adjustment). {@code sharing} counts the persons whose name agrees with the record's that way, the candidate
     * among them; u, the chance that another person's name agrees, is estimated from the others:
     * u = (sharing − 1 + {@link #TF_PRIOR_PERSONS} × u₀) / (persons − 1 + {@link #TF_PRIOR_PERSONS}), where u₀ is the
     * u that gives the table's weight (so the estimate starts from the table and moves to the county's count as the
     * county grows); m stays the outcome's; the result is capped at {@link #NAME_TF_MAX}. Without a count (sharing 0),
     * and for the disagreeing outcomes (ONE_CHAR, DIFFERENT: no count describes them), the table's weight applies.
     */
    public double nameWeight(NameComparison.Level outcome, int sharing, int persons) {
        double table = weight(outcome);
        if (sharing <= 0 || outcome.disagrees()) {
            return table;
        }
        double m = outcome == NameComparison.Level.WILDCARD ? WILDCARD_M_GIVEN_UNKNOWN : m(outcome);
        double u0 = m / Math.pow(2, table);
        double u = Math.min(1.0, (sharing - 1 + TF_PRIOR_PERSONS * u0) / (Math.max(persons - 1, 0) + TF_PRIOR_PERSONS));
        return Math.min(NAME_TF_MAX, Math.log(m / u) / Math.log(2));
    }

    // ------------------------------------------------------------------ access

    /** The weight log2(m/u) of a level; 0 for MISSING. */
    public double weight(Comparison.Level level) {
        return weights.get(level.comparison())[level.ordinal()];
    }

    /** The entry of a level (not defined for MISSING). */
    public Entry entry(Comparison.Level level) {
        Entry e = entries.get(level.comparison())[level.ordinal()];
        if (e == null) {
            throw new IllegalArgumentException("unknown outcome " + level.comparison() + "=" + level.name());
        }
        return e;
    }

    public double m(Comparison.Level level) {
        return entry(level).m();
    }

    public double u(Comparison.Level level) {
        return entry(level).u();
    }

    /** All entries, by field then level. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        for (Comparison<?> c : MatchModel.FIELDS) {
            for (Comparison.Level l : c.levels()) all.add(entry(l));
        }
        return List.copyOf(all);
    }

    /** The smallest (most negative) weight a field can contribute (0 if all are positive). */
    public double minWeight(Comparison<?> field) {
        return Math.min(0, field.levels().stream().mapToDouble(l -> entry(l).weight()).min().orElse(0));
    }

    /** The largest weight a field can contribute (0 if all are negative). */
    public double maxWeight(Comparison<?> field) {
        return Math.max(0, field.levels().stream().mapToDouble(l -> entry(l).weight()).max().orElse(0));
    }

    /** A table "FIELD OUTCOME m u weight basis", one entry a line. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %-34s %10s %10s %8s  %s%n", "field", "outcome", "m", "u", "weight", "basis"));
        for (Entry e : entries()) {
            sb.append(String.format(Locale.ROOT, "%-10s %-34s %10.3g %10.3g %+8.2f  %s%n",
                    e.field(), e.level().name(), e.m(), e.u(), e.weight(), e.basis()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return table();
    }

    // ------------------------------------------------------------------ estimation

    /**
     * New weights whose u-probabilities of {@link Basis#RANDOM_PAIRS} entries are the outcome
     * frequencies in {@code nonMatches} (pairs of different people; random pairs of a large
     * population nearly all are). For each field, only pairs where the field is present on both
     * sides count; frequencies are smoothed with half a pseudo-count per outcome, so an outcome
     * never seen gets a small positive u. A field with no comparable pair keeps its u. m, and the
     * CONDITIONAL and POLICY entries, are kept.
     */
    public MatchWeights reestimateU(Collection<Pair> nonMatches) {
        Objects.requireNonNull(nonMatches, "nonMatches");
        Map<Comparison<?>, int[]> counts = new IdentityHashMap<>();
        Map<Comparison<?>, Integer> comparable = new IdentityHashMap<>();
        for (Comparison<?> c : MatchModel.FIELDS) {
            counts.put(c, new int[c.levels().size() + 1]);
            comparable.put(c, 0);
        }
        for (Pair p : nonMatches) {
            for (Comparison<?> c : MatchModel.FIELDS) {
                Comparison.Level o = c.compare(p.a(), p.b());
                if (o != c.missing()) {
                    counts.get(c)[o.ordinal()]++;
                    comparable.merge(c, 1, Integer::sum);
                }
            }
        }
        Builder b = toBuilder();
        final double alpha = 0.5;
        for (Comparison<?> c : MatchModel.FIELDS) {
            int n = comparable.get(c);
            if (n == 0) {
                continue;
            }
            List<? extends Comparison.Level> outs = c.levels();
            for (Comparison.Level o : outs) {
                Entry e = entry(o);
                if (e.basis() != Basis.RANDOM_PAIRS) {
                    continue;
                }
                double u = (counts.get(c)[o.ordinal()] + alpha) / (n + alpha * outs.size());
                b.set(o, e.m(), u, e.basis());
            }
        }
        return b.build();
    }

    /**
     * {@code n} random pairs of distinct records of {@code records} (drawn with a fixed seed), for
     * {@link #reestimateU}. In a county-sized population random pairs are almost never the same
     * person.
     */
    public static List<Pair> randomPairs(List<PartyView> records, int n, long seed) {
        if (records.size() < 2) {
            throw new IllegalArgumentException("need at least two records");
        }
        Random rnd = new Random(seed);
        List<Pair> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = rnd.nextInt(records.size());
            int j = rnd.nextInt(records.size() - 1);
            if (j >= i) {
                j++;
            }
            out.add(new Pair(records.get(i), records.get(j)));
        }
        return out;
    }

    // ------------------------------------------------------------------ builder

    /** A builder starting from the {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from these weights. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Entry e : entries()) {
            b.set(e.level(), e.m(), e.u(), e.basis());
        }
        return b;
    }

    /** Overrides entries; MISSING has none (it always weighs 0). */
    public static final class Builder {
        private final Map<Comparison<?>, Map<Comparison.Level, Entry>> entries = new IdentityHashMap<>();

        private Builder() {
            for (Comparison<?> c : MatchModel.FIELDS) {
                entries.put(c, new HashMap<>());
            }
        }

        /** Sets m and u, keeping the entry's basis (RANDOM_PAIRS for a new entry). */
        public Builder set(Comparison.Level level, double m, double u) {
            Entry old = entries.get(level.comparison()).get(level);
            return set(level, m, u, old == null ? Basis.RANDOM_PAIRS : old.basis());
        }

        public Builder set(Comparison.Level level, double m, double u, Basis basis) {
            Objects.requireNonNull(level, "level");
            entries.get(level.comparison()).put(level, new Entry(level, m, u, basis));
            return this;
        }

        /** Sets m only. */
        public Builder m(Comparison.Level level, double m) {
            Entry e = require(level);
            return set(level, m, e.u(), e.basis());
        }

        /** Sets u only. */
        public Builder u(Comparison.Level level, double u) {
            Entry e = require(level);
            return set(level, e.m(), u, e.basis());
        }

        private Entry require(Comparison.Level level) {
            Entry e = entries.get(level.comparison()).get(level);
            if (e == null) {
                throw new IllegalArgumentException("unknown outcome " + level.comparison() + "=" + level.name());
            }
            return e;
        }

        public MatchWeights build() {
            return new MatchWeights(entries);
        }
    }
}
