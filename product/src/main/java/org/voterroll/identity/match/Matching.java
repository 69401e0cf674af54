package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A county's identity-matching settings: the m/u table and the two thresholds. The defaults are calibrated for a county
 * of about a million people; a county may override them (county.MatchingFile), within the registration rules
 * ({@link #violations()}).
 */
public record Matching(MatchWeights weights, Thresholds thresholds) {

    private static final Matching DEFAULTS = new Matching(MatchWeights.defaults(), Thresholds.defaults());

    public Matching {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    public static Matching defaults() {
        return DEFAULTS;
    }

    /** The name agreements that say "the same name". */
    private static final List<Comparison.Level> NAMES_THAT_AGREE = List.of(NameComparison.Level.EXACT,
            NameComparison.Level.WILDCARD, NameComparison.Level.DOT_VARIANT, NameComparison.Level.HOMOPHONE);

    /** The evidence that names neither a dwelling, a village nor a household. */
    private static final List<Comparison.Level> WEAK_CORROBORATIONS = List.of(AreaComparison.Level.SAME_TOWNSHIP,
            AreaComparison.Level.SAME_COUNTY, AreaComparison.Level.DIFFERENT, IdShapeComparison.Level.NEAR,
            IdShapeComparison.Level.DIFFERENT, HouseholdComparison.Level.DIFFERENT);

    /**
     * Where these settings would break RULES.md, each as a sentence saying what to change; empty when they keep it.
     * <ul>
     * <li>"Same name, sex and birth date alone never prove one person": the strongest name agreement (the table's, or
     * the most a rare name can weigh, {@link MatchWeights#NAME_TF_MAX}) with sex and the full birth date, and the
     * strongest piece of evidence that names neither a dwelling, a village nor a household (the same township or
     * county, a number two digits off or another valid number, another household), must stay at or below the upper
     * threshold.</li>
     * <li>The lower threshold is positive: a candidate for review has more evidence for than against.</li>
     * </ul>
     */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        double name = MatchWeights.NAME_TF_MAX;
        for (Comparison.Level o : NAMES_THAT_AGREE) {
            name = Math.max(name, weights.weight(o));
        }
        double weak = 0;
        for (Comparison.Level o : WEAK_CORROBORATIONS) {
            weak = Math.max(weak, weights.weight(o));
        }
        double lookAlike = name + weights.weight(SexComparison.Level.AGREE) + weights.weight(BirthComparison.Level.SAME_DATE) + weak;
        if (lookAlike > thresholds.upper()) {
            out.add(String.format(Locale.ROOT, "name, sex and birth date with the weakest corroboration weigh %.2f bits, above the "
                    + "upper threshold %.2f: RULES.md says they never prove one person — raise the upper threshold above %.2f or "
                    + "lower those weights", lookAlike, thresholds.upper(), lookAlike));
        }
        if (thresholds.lower() <= 0) {
            out.add(String.format(Locale.ROOT, "the lower threshold %.2f must be above 0 (more evidence for a link than against)",
                    thresholds.lower()));
        }
        return out;
    }
}
