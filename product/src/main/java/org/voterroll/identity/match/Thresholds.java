package org.voterroll.identity.match;

/**
 * Decision thresholds on a {@link MatchScore#total()}: above {@code upper} the pair is a link,
 * below {@code lower} it is not, in between (bounds included) it needs a person to decide
 * ({@code MATCH_REVIEW}).
 *
 * @param upper total above which a pair is linked
 * @param lower total below which a pair is not linked
 */
public record Thresholds(double upper, double lower) {

    public enum Decision { MATCH, REVIEW, NON_MATCH }

    public Thresholds {
        if (!Double.isFinite(upper) || !Double.isFinite(lower) || !(upper > lower)) {
            throw new IllegalArgumentException("need finite upper > lower, got upper=" + upper + " lower=" + lower);
        }
    }

    /**
     * Defaults for {@link MatchWeights#defaults()} (weights in bits):
     * <ul>
     *   <li>upper 28.4 — above name EXACT + sex + full birth date (26.9, or 27.8 with the same
     *       township), because the rules say name, sex and birth alone never prove one person;
     *       below name EXACT + sex + birth month + same village (30.1: the tongji case) and below
     *       name EXACT + same household + same village (29.1: a chaiqian member singled out by its
     *       case). Adjusted to how common a name is in the county, a name weighs at most
     *       {@link MatchWeights#NAME_TF_MAX} (12.0), which keeps name + sex + full birth date below
     *       it even with a same township or a number two digits off.</li>
     *   <li>lower 14.0 — below name EXACT + sex + birth date even with a different valid number,
     *       another county and another household (16.2), so look-alikes go to review rather than
     *       being silently split; above twins (ONE_CHAR name with sex, birth date, village and
     *       household agreeing: 11.9) and above a same-surname stranger born the same day in the
     *       same village (8.4).</li>
     * </ul>
     */
    public static Thresholds defaults() {
        return DEFAULTS;
    }

    private static final Thresholds DEFAULTS = new Thresholds(28.4, 14.0);

    public Decision decide(double total) {
        if (total > upper) {
            return Decision.MATCH;
        }
        if (total < lower) {
            return Decision.NON_MATCH;
        }
        return Decision.REVIEW;
    }

    public Decision decide(MatchScore score) {
        return decide(score.total());
    }

    public boolean isMatch(MatchScore score) {
        return decide(score) == Decision.MATCH;
    }

    public boolean isReview(MatchScore score) {
        return decide(score) == Decision.REVIEW;
    }

    public boolean isNonMatch(MatchScore score) {
        return decide(score) == Decision.NON_MATCH;
    }
}
