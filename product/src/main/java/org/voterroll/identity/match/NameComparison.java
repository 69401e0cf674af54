package org.voterroll.identity.match;

import static org.voterroll.identity.match.MatchWeights.Basis.POLICY;
import static org.voterroll.identity.match.MatchWeights.Basis.RANDOM_PAIRS;

/**
 * NAME: how the two names agree ({@link NameAgreement}), or FORMER_NAME when they disagree but one side's 曾用名 is spelt
 * as the other's name. Its weight follows how common the record's name is in the county ({@link MatchWeights#nameWeight}).
 */
public final class NameComparison extends Comparison<NameComparison.Level> {

    public enum Level implements Comparison.Level {
        // EXACT: m 0.935 — the police spelling is the reference; the other ~6.5% of true pairs
        //   show a homophone typo (~4%), a dot variant (~2%) or a rare character typed as '*'.
        //   u 3e-4 — common names repeat: summed over the surname distribution (王/李/张 ~7% each)
        //   and the given-name distribution (伟, 芳, 秀英 …) two random residents share a full name
        //   with probability ~1e-4..1e-3 (a county of 1e6 has hundreds of 张伟).
        EXACT(Comparison.weighed("相同", 0.935, 3e-4, RANDOM_PAIRS)),                               // +11.61
        // WILDCARD: m 0.005 — names with a rare character that one source could not type.
        //   u 1.5e-5 — a random pair must match on every known character and one side must carry
        //   an unknown one; the free character makes it weaker than EXACT.
        WILDCARD(Comparison.weighed("生僻字以符号代替", 0.005, 1.5e-5, RANDOM_PAIRS)),                // +8.38
        // DOT_VARIANT: m 0.02 — minority names delivered without (or with a stray) middle dot.
        //   u 1e-5 — only dotted names can produce it and they repeat like other names; the dot
        //   is formatting, so the weight stays close to EXACT.
        DOT_VARIANT(Comparison.weighed("间隔号写法不同", 0.02, 1e-5, RANDOM_PAIRS)),                  // +10.97
        // HOMOPHONE: m 0.04 — pinyin-IME mis-typing (同音字, 王丽/王莉) in non-police sources.
        //   u 2e-3 — syllables are far fewer than characters (li, wei, hua, ying …) and every
        //   reading of a polyphone counts, so random pairs sound alike ~5x more often than they
        //   are spelt alike.
        HOMOPHONE(Comparison.weighed("同音字", 0.04, 2e-3, RANDOM_PAIRS)),                           // +4.32
        // FORMER_NAME: the record's name is the person's 曾用名 (police register), not their name. m 0.005 — the
        //   records an agency kept under a name changed since (a married woman's, a child's 小名 made official);
        //   u 3e-5 — an exact name (3e-4) of the one person in ten or fewer who has a former name. +7.4 bits: with
        //   sex, birth month and village a case for review; with the same dwelling too a match; never a certain link.
        FORMER_NAME(Comparison.weighed("曾用名相同", 0.005, 3e-5, POLICY)),                           // +7.38
        // ONE_CHAR: policy. 蒋经国/蒋纬国: siblings share the surname and a generation character
        //   (字辈) and twins share birth date, village and household, so among the pairs where this
        //   outcome decides anything, u is high (~0.5), while a non-homophone single-character
        //   error by one person's records is rare; the rules require the name to agree for a
        //   fuzzy link. m 2.5e-7 is set so that ONE_CHAR outweighs household + birth date +
        //   village + sex agreement together (twins stay below the lower threshold).
        ONE_CHAR(Comparison.weighed("一字之差", 2.5e-7, 0.5, POLICY)),                               // -20.93
        // DIFFERENT: m 3e-5 — after dots, wildcards, homophones and former names, one person's records with
        //   different names are renames; set low so that a
        //   same-surname stranger born the same day in the same village is not sent to review.
        //   u 0.99 — almost every random pair has different names.
        DIFFERENT(Comparison.weighed("不同", 3e-5, 0.99, RANDOM_PAIRS)),                             // -15.01
        MISSING(Comparison.UNWEIGHED);

        private final Definition definition;

        Level(Definition definition) {
            this.definition = definition;
        }

        @Override public Definition definition() { return definition; }
        @Override public NameComparison comparison() { return MatchModel.NAME; }

        /** The names disagree (a record under another's name, unless a former name ties them). */
        public boolean disagrees() {
            return this == ONE_CHAR || this == DIFFERENT;
        }
    }

    NameComparison() {
        super("NAME", "姓名", Level.class);
    }

    /**
     * The names compared; when they disagree (ONE_CHAR, DIFFERENT), a record written under the other side's former
     * name (曾用名, from the police register) is FORMER_NAME. A homophone of a former name is not: two steps from the
     * person's name as it stands.
     */
    @Override
    public Level compare(PartyView a, PartyView b) {
        Level now = names(a.name(), b.name());
        if (!now.disagrees()) return now;
        return spelledAlike(a.formerName(), b.name()) || spelledAlike(a.name(), b.formerName()) ? Level.FORMER_NAME : now;
    }

    /** Two names as they stand. */
    static Level names(String a, String b) {
        if (isBlank(a) || isBlank(b)) return Level.MISSING;
        return switch (ChineseNames.compare(a.strip(), b.strip())) {
            case EXACT -> Level.EXACT;
            case WILDCARD -> Level.WILDCARD;
            case DOT_VARIANT -> Level.DOT_VARIANT;
            case HOMOPHONE -> Level.HOMOPHONE;
            case ONE_CHAR -> Level.ONE_CHAR;
            case DIFFERENT -> Level.DIFFERENT;
        };
    }

    private static boolean spelledAlike(String x, String y) {
        if (isBlank(x) || isBlank(y)) return false;
        NameAgreement o = ChineseNames.compare(x.strip(), y.strip());
        return o == NameAgreement.EXACT || o == NameAgreement.DOT_VARIANT || o == NameAgreement.WILDCARD;
    }

    /** The table's weight, or with the record's name counted ({@code aName}), the term-frequency adjusted one. */
    @Override
    double weigh(MatchWeights weights, Level level, PartyView a, PartyView b, NameFrequency aName) {
        if (aName == null || level == Level.MISSING) return weights.weight(level);
        return weights.nameWeight(level, aName.sharing(level, a.name().strip(), b.name().strip()), aName.persons());
    }
}
