package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Fellegi–Sunter m- and u-probabilities per field outcome. The weight of an outcome is
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

    /** One outcome's m, u and basis. */
    public record Entry(Field field, String outcome, double m, double u, Basis basis) {
        public Entry {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(basis, "basis");
            if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
                throw new IllegalArgumentException(field + "=" + outcome
                        + ": m and u must lie in (0, 1], got m=" + m + " u=" + u);
            }
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

    private final Map<Field, Map<String, Entry>> entries;
    /** Weight by outcome (MISSING included, 0), precomputed for the scorer. */
    private final Map<Field, Map<String, Double>> weights;

    private MatchWeights(Map<Field, Map<String, Entry>> entries) {
        EnumMap<Field, Map<String, Entry>> e = new EnumMap<>(Field.class);
        EnumMap<Field, Map<String, Double>> w = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            Map<String, Entry> byOutcome = new LinkedHashMap<>();
            Map<String, Double> weightByOutcome = new LinkedHashMap<>();
            for (String o : FieldOutcomes.OUTCOMES.get(f)) {
                Entry en = entries.get(f).get(o);
                if (en == null) {
                    throw new IllegalStateException("no m/u for " + f + "=" + o);
                }
                byOutcome.put(o, en);
                weightByOutcome.put(o, en.weight());
            }
            weightByOutcome.put(FieldOutcomes.MISSING, 0.0);
            e.put(f, Collections.unmodifiableMap(byOutcome));
            w.put(f, Collections.unmodifiableMap(weightByOutcome));
        }
        this.entries = Collections.unmodifiableMap(e);
        this.weights = Collections.unmodifiableMap(w);
    }

    /**
     * The defaults for a Chinese county of about a million people.
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
        // ------------------------------------------------------------------ NAME
        // EXACT: m 0.935 — the police spelling is the reference; the other ~6.5% of true pairs
        //   show a homophone typo (~4%), a dot variant (~2%) or a rare character typed as '*'.
        //   u 3e-4 — common names repeat: summed over the surname distribution (王/李/张 ~7% each)
        //   and the given-name distribution (伟, 芳, 秀英 …) two random residents share a full name
        //   with probability ~1e-4..1e-3 (a county of 1e6 has hundreds of 张伟).
        b.set(Field.NAME, "EXACT", 0.935, 3e-4, Basis.RANDOM_PAIRS);               // +11.61
        // WILDCARD: m 0.005 — names with a rare character that one source could not type.
        //   u 1.5e-5 — a random pair must match on every known character and one side must carry
        //   an unknown one; the free character makes it weaker than EXACT.
        b.set(Field.NAME, "WILDCARD", 0.005, 1.5e-5, Basis.RANDOM_PAIRS);          // +8.38
        // DOT_VARIANT: m 0.02 — minority names delivered without (or with a stray) middle dot.
        //   u 1e-5 — only dotted names can produce it and they repeat like other names; the dot
        //   is formatting, so the weight stays close to EXACT.
        b.set(Field.NAME, "DOT_VARIANT", 0.02, 1e-5, Basis.RANDOM_PAIRS);          // +10.97
        // HOMOPHONE: m 0.04 — pinyin-IME mis-typing (同音字, 王丽/王莉) in non-police sources.
        //   u 2e-3 — syllables are far fewer than characters (li, wei, hua, ying …) and every
        //   reading of a polyphone counts, so random pairs sound alike ~5x more often than they
        //   are spelt alike.
        b.set(Field.NAME, "HOMOPHONE", 0.04, 2e-3, Basis.RANDOM_PAIRS);            // +4.32
        // ONE_CHAR: policy. 蒋经国/蒋纬国: siblings share the surname and a generation character
        //   (字辈) and twins share birth date, village and household, so among the pairs where this
        //   outcome decides anything, u is high (~0.5), while a non-homophone single-character
        //   error by one person's records is rare; the rules require the name to agree for a
        //   fuzzy link. m 2.5e-7 is set so that ONE_CHAR outweighs household + birth date +
        //   village + sex agreement together (twins stay below the lower threshold).
        b.set(Field.NAME, "ONE_CHAR", 2.5e-7, 0.5, Basis.POLICY);                  // -20.93
        // FORMER_NAME: the record's name is the person's 曾用名 (police register), not their name. m 0.005 — the
        //   records an agency kept under a name changed since (a married woman's, a child's 小名 made official);
        //   u 3e-5 — an exact name (3e-4) of the one person in ten or fewer who has a former name. +7.4 bits: with
        //   sex, birth month and village a case for review; with the same dwelling too a match; never a certain link.
        b.set(Field.NAME, "FORMER_NAME", 0.005, 3e-5, Basis.POLICY);               // +7.38
        // DIFFERENT: m 3e-5 — after dots, wildcards, homophones and former names, one person's records with
        //   different names are renames; set low so that a
        //   same-surname stranger born the same day in the same village is not sent to review.
        //   u 0.99 — almost every random pair has different names.
        b.set(Field.NAME, "DIFFERENT", 3e-5, 0.99, Basis.RANDOM_PAIRS);            // -15.01
        // ------------------------------------------------------------------ SEX
        // m 0.98 — 1/2 coding slips and 男/女 typos; u 0.5 — half of random pairs share the sex.
        b.set(Field.SEX, "AGREE", 0.98, 0.5, Basis.RANDOM_PAIRS);                  // +0.97
        b.set(Field.SEX, "DISAGREE", 0.02, 0.5, Basis.RANDOM_PAIRS);               // -4.64
        // ------------------------------------------------------------------ BIRTH
        // SAME_DATE: m 0.93 — day/month swaps, lunar-vs-solar dates of older people and typos
        //   spoil ~7%. u 4.6e-5 ≈ 1/(365 × 60): births spread over ~80 years but unevenly (the
        //   county's age pyramid), which is like ~60 equally likely years.
        b.set(Field.BIRTH, "SAME_DATE", 0.93, 4.6e-5, Basis.RANDOM_PAIRS);         // +14.30
        // SAME_MONTH (one side knows only the month, e.g. tongji 出生年月): m 0.96,
        //   u 1.4e-3 ≈ 1/(12 × 60).
        b.set(Field.BIRTH, "SAME_MONTH", 0.96, 1.4e-3, Basis.RANDOM_PAIRS);        // +9.42
        // DAY_OFF: m 0.02 — a mistyped day; u 1.35e-3 — same year and month, another day
        //   (1/(12 × 60) − 1/(365 × 60)).
        b.set(Field.BIRTH, "DAY_OFF", 0.02, 1.35e-3, Basis.RANDOM_PAIRS);          // +3.89
        // DIFFERENT: m 0.05 — wrong year/month, lunar dates; u 0.9986 — nearly all random pairs.
        b.set(Field.BIRTH, "DIFFERENT", 0.05, 0.9986, Basis.RANDOM_PAIRS);         // -4.32
        // ------------------------------------------------------------------ ID_SHAPE
        // EQUAL (a valid number): policy. The rules make an equal valid number a certain link
        //   whatever else disagrees; m 0.97, u 1e-27 make EQUAL outweigh every disagreement
        //   combined by far. (The real rate of 重号 is ~1e-10 per pair; shared numbers are found
        //   with MatchScore.totalExcluding(ID_SHAPE), not by this weight.)
        b.set(Field.ID_SHAPE, "EQUAL", 0.97, 1e-27, Basis.POLICY);                 // +89.65
        // EQUAL_OTHER_NAME: policy. The same valid number under names that disagree (ONE_CHAR, DIFFERENT): the record
        //   names someone else, so the number was copied from another person's document (a twin's, a spouse's) about as
        //   often as a name was written wholly wrong. Identity resolution never links such a record by its number; as
        //   evidence it is strong but never enough: m 0.01, u 1e-8 (+19.93) with the name's disagreement (-15.0, -20.9)
        //   and what the number itself encodes (sex +0.97, birth +14.30) reaches review (20.2 / 14.3), not a match.
        b.set(Field.ID_SHAPE, "EQUAL_OTHER_NAME", 0.01, 1e-8, Basis.POLICY);       // +19.93
        // EQUAL_INVALID: the same number failing the check digit on both sides — a typo copied
        //   from one document, or a placeholder (000…). m 0.01, u 1e-6 (placeholders repeat).
        b.set(Field.ID_SHAPE, "EQUAL_INVALID", 0.01, 1e-6, Basis.CONDITIONAL);     // +13.29
        // ONE_DIGIT / ADJACENT_SWAP / NEAR (at least one side invalid): m 1% / 0.5% / 0.4% of true
        //   pairs with both numbers show that typo. u is conditional: a number contains area
        //   (6 digits), birth date (8) and sex (17th digit), so two different people born the same
        //   day in the same county already share 14–15 of the first 17 digits; u is taken among such
        //   pairs (one wrong digit ~3e-4, two digits ~2e-3) so that the number does not count the
        //   birth date and area a second time.
        b.set(Field.ID_SHAPE, "ONE_DIGIT", 0.01, 3e-4, Basis.CONDITIONAL);         // +5.06
        b.set(Field.ID_SHAPE, "ADJACENT_SWAP", 0.005, 1.5e-4, Basis.CONDITIONAL);  // +5.06
        b.set(Field.ID_SHAPE, "NEAR", 0.004, 2e-3, Basis.CONDITIONAL);             // +1.00
        // DIFFERENT (incl. two different valid numbers): m 0.02 — one person's second number
        //   that belongs to nobody (一人多户), unconverted or badly mistyped numbers; u 0.999.
        b.set(Field.ID_SHAPE, "DIFFERENT", 0.02, 0.999, Basis.RANDOM_PAIRS);       // -5.64
        // ------------------------------------------------------------------ AREA
        // SAME_VILLAGE: m 0.70 — most records of a person carry the registered/lived-at village
        //   (tongji, chaiqian, liudong 户籍地 vs huji); u 0.0025 = 1/400 villages.
        b.set(Field.AREA, "SAME_VILLAGE", 0.70, 0.0025, Basis.RANDOM_PAIRS);       // +8.13
        // SAME_TOWNSHIP: m 0.09 — moved within the township; u 0.0475 = 1/20 − 1/400.
        b.set(Field.AREA, "SAME_TOWNSHIP", 0.09, 0.0475, Basis.RANDOM_PAIRS);      // +0.92
        // SAME_COUNTY: m 0.20 — lives in another township than registered; u 0.85 — most random
        //   pairs of county records.
        b.set(Field.AREA, "SAME_COUNTY", 0.20, 0.85, Basis.RANDOM_PAIRS);          // -2.09
        // DIFFERENT (another county): m 0.01 — a record of a resident claiming another county is
        //   rare; u 0.10 — in-migrants' registered addresses lie outside the county.
        b.set(Field.AREA, "DIFFERENT", 0.01, 0.10, Basis.RANDOM_PAIRS);            // -3.32
        // ------------------------------------------------------------------ HOUSEHOLD
        // (only keys of one namespace are compared.) SAME_HOUSEHOLD: m 0.67 — records of one
        //   person in one namespace mostly carry the same case/household; u 1e-3 is conditional on
        //   the village (a household lies in one village, already counted by AREA): ~2.5 other
        //   members among ~2,500 residents. Village + household together ≈ the unconditional
        //   log2(0.67 / 3e-6).
        b.set(Field.HOUSEHOLD, "SAME_HOUSEHOLD", 0.67, 1e-3, Basis.CONDITIONAL);   // +9.39
        // SAME_HOUSEHOLD_RELATION_CONFLICT: same household, relations one person cannot hold
        //   together (户主 vs 子): another member of the family. m 0.03 — the head changed between
        //   snapshots (widow or son became 户主); u 0.9 — among pairs of one household, different
        //   people nearly always have different relations.
        b.set(Field.HOUSEHOLD, "SAME_HOUSEHOLD_RELATION_CONFLICT", 0.03, 0.9, Basis.CONDITIONAL); // -4.91
        // DIFFERENT: m 0.30 — 一人多户 is exactly this, as are household splits (分户); u 0.999.
        b.set(Field.HOUSEHOLD, "DIFFERENT", 0.30, 0.999, Basis.RANDOM_PAIRS);      // -1.74
        // ------------------------------------------------------------------ ADDRESS
        // SAME_DWELLING: the two addresses name one dwelling (Addresses.sameDwelling). Conditional on
        //   the village, like HOUSEHOLD: a dwelling holds ~2.5 of a village's ~2,500 residents, so
        //   u 1e-3; m 0.5 — a survey or resettlement row taken at the registered home carries its
        //   address, one taken where the person lives (人户分离) or written another way does not.
        //   A differing address is not scored (FieldOutcomes.address).
        b.set(Field.ADDRESS, "SAME_DWELLING", 0.50, 1e-3, Basis.CONDITIONAL);      // +8.97
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
    public double nameWeight(String outcome, int sharing, int persons) {
        double table = weight(Field.NAME, outcome);
        if (sharing <= 0 || outcome.equals("ONE_CHAR") || outcome.equals("DIFFERENT")) {
            return table;
        }
        double m = outcome.equals("WILDCARD") ? WILDCARD_M_GIVEN_UNKNOWN : m(Field.NAME, outcome);
        double u0 = m / Math.pow(2, table);
        double u = Math.min(1.0, (sharing - 1 + TF_PRIOR_PERSONS * u0) / (Math.max(persons - 1, 0) + TF_PRIOR_PERSONS));
        return Math.min(NAME_TF_MAX, Math.log(m / u) / Math.log(2));
    }

    // ------------------------------------------------------------------ access

    /** The weight log2(m/u) of an outcome; 0 for MISSING. */
    public double weight(Field field, String outcome) {
        Double w = weights.get(field).get(outcome);
        if (w == null) {
            throw new IllegalArgumentException("unknown outcome " + field + "=" + outcome);
        }
        return w;
    }

    /** The entry of an outcome (not defined for MISSING). */
    public Entry entry(Field field, String outcome) {
        Entry e = entries.get(field).get(outcome);
        if (e == null) {
            throw new IllegalArgumentException("unknown outcome " + field + "=" + outcome);
        }
        return e;
    }

    public double m(Field field, String outcome) {
        return entry(field, outcome).m();
    }

    public double u(Field field, String outcome) {
        return entry(field, outcome).u();
    }

    /** The outcomes of a field, best first, without MISSING. */
    public static List<String> outcomes(Field field) {
        return FieldOutcomes.OUTCOMES.get(field);
    }

    /** All entries, by field then outcome. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        entries.values().forEach(m -> all.addAll(m.values()));
        return List.copyOf(all);
    }

    /** The smallest (most negative) weight a field can contribute (0 if all are positive). */
    public double minWeight(Field field) {
        return Math.min(0, entries.get(field).values().stream().mapToDouble(Entry::weight).min().orElse(0));
    }

    /** The largest weight a field can contribute (0 if all are negative). */
    public double maxWeight(Field field) {
        return Math.max(0, entries.get(field).values().stream().mapToDouble(Entry::weight).max().orElse(0));
    }

    /** A table "FIELD OUTCOME m u weight basis", one entry a line. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %-34s %10s %10s %8s  %s%n", "field", "outcome", "m", "u", "weight", "basis"));
        for (Entry e : entries()) {
            sb.append(String.format(Locale.ROOT, "%-10s %-34s %10.3g %10.3g %+8.2f  %s%n",
                    e.field(), e.outcome(), e.m(), e.u(), e.weight(), e.basis()));
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
        EnumMap<Field, Map<String, Integer>> counts = new EnumMap<>(Field.class);
        EnumMap<Field, Integer> comparable = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            counts.put(f, new LinkedHashMap<>());
            comparable.put(f, 0);
        }
        for (Pair p : nonMatches) {
            for (Field f : Field.values()) {
                String o = FieldOutcomes.outcome(f, p.a(), p.b());
                if (!FieldOutcomes.MISSING.equals(o)) {
                    counts.get(f).merge(o, 1, Integer::sum);
                    comparable.merge(f, 1, Integer::sum);
                }
            }
        }
        Builder b = toBuilder();
        final double alpha = 0.5;
        for (Field f : Field.values()) {
            int n = comparable.get(f);
            if (n == 0) {
                continue;
            }
            List<String> outs = FieldOutcomes.OUTCOMES.get(f);
            for (String o : outs) {
                Entry e = entry(f, o);
                if (e.basis() != Basis.RANDOM_PAIRS) {
                    continue;
                }
                double u = (counts.get(f).getOrDefault(o, 0) + alpha) / (n + alpha * outs.size());
                b.set(f, o, e.m(), u, e.basis());
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
            b.set(e.field(), e.outcome(), e.m(), e.u(), e.basis());
        }
        return b;
    }

    /** Overrides entries; outcomes must be among {@link #outcomes(Field)}. */
    public static final class Builder {
        private final Map<Field, Map<String, Entry>> entries = new EnumMap<>(Field.class);

        private Builder() {
            for (Field f : Field.values()) {
                entries.put(f, new LinkedHashMap<>());
            }
        }

        /** Sets m and u, keeping the entry's basis (RANDOM_PAIRS for a new entry). */
        public Builder set(Field field, String outcome, double m, double u) {
            Entry old = entries.get(field).get(outcome);
            return set(field, outcome, m, u, old == null ? Basis.RANDOM_PAIRS : old.basis());
        }

        public Builder set(Field field, String outcome, double m, double u, Basis basis) {
            Objects.requireNonNull(field, "field");
            if (!FieldOutcomes.OUTCOMES.get(field).contains(outcome)) {
                throw new IllegalArgumentException("unknown outcome " + field + "=" + outcome
                        + " (known: " + FieldOutcomes.OUTCOMES.get(field) + "; MISSING always weighs 0)");
            }
            entries.get(field).put(outcome, new Entry(field, outcome, m, u, basis));
            return this;
        }

        /** Sets m only. */
        public Builder m(Field field, String outcome, double m) {
            Entry e = require(field, outcome);
            return set(field, outcome, m, e.u(), e.basis());
        }

        /** Sets u only. */
        public Builder u(Field field, String outcome, double u) {
            Entry e = require(field, outcome);
            return set(field, outcome, e.m(), u, e.basis());
        }

        private Entry require(Field field, String outcome) {
            Entry e = entries.get(field).get(outcome);
            if (e == null) {
                throw new IllegalArgumentException("unknown outcome " + field + "=" + outcome);
            }
            return e;
        }

        public MatchWeights build() {
            return new MatchWeights(entries);
        }
    }
}
