package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One compared field, as Splink's Comparison: its levels (its own enum, best first, each with its clerk's label and its
 * default m and u) and the comparison of two parties into one of them. {@link MatchModel} lists the comparisons in the
 * order a score shows them; a new field is one such class and one entry there.
 *
 * @param <L> the field's levels; one of them, MISSING, has no m and u and always weighs 0
 */
public abstract sealed class Comparison<L extends Enum<L> & Comparison.Level>
        permits NameComparison, SexComparison, BirthComparison, IdShapeComparison, AreaComparison, HouseholdComparison,
        AddressComparison {

    /** A level of a comparison: its code (the evidence string's and matching.yml's word), its label and default weight. */
    public interface Level {
        String name();

        int ordinal();

        /** Its label and default weight, one {@link Definition} per level. */
        Definition definition();

        /** The level in a clerk's words (the item page's weight chart). */
        default String label() {
            return definition().label();
        }

        /** The default m, u and basis; null for MISSING, which always weighs 0. */
        default Prior prior() {
            return definition().prior();
        }

        Comparison<?> comparison();
    }

    /** A level's default m = P(level | one person), u = P(level | two people), and where u comes from. */
    public record Prior(double m, double u, MatchWeights.Basis basis) {}

    /** What a level is: its label and its default weight (null for the level without one). */
    public record Definition(String label, Prior prior) {}

    /** The level of a pair where either side lacks the value: it always weighs 0. */
    static final Definition UNWEIGHED = new Definition("缺少，不计", null);

    static Definition weighed(String label, double m, double u, MatchWeights.Basis basis) {
        return new Definition(label, new Prior(m, u, basis));
    }

    private final String name;
    private final String label;
    private final L[] all;
    private final List<L> levels;
    private final L missing;

    Comparison(String name, String label, Class<L> type) {
        this.name = name;
        this.label = label;
        this.all = type.getEnumConstants();
        List<L> weighed = new ArrayList<>();
        L none = null;
        for (L l : all) {
            if (l.prior() == null) none = l;
            else weighed.add(l);
        }
        if (none == null) throw new IllegalStateException(name + " has no level without a weight (MISSING)");
        this.levels = List.copyOf(weighed);
        this.missing = none;
    }

    /** The field's code in evidence strings and matching.yml: {@code NAME}. */
    public final String name() {
        return name;
    }

    /** The field as a clerk reads it (the item page's weight chart). */
    public final String label() {
        return label;
    }

    /** The levels that carry a weight, best first (MISSING not among them). */
    public final List<L> levels() {
        return levels;
    }

    /** The level of a pair where either side lacks the value. */
    public final L missing() {
        return missing;
    }

    /** The level of this code, MISSING included; empty for a code the field does not have. */
    public final Optional<L> level(String code) {
        for (L l : all) {
            if (l.name().equals(code)) return Optional.of(l);
        }
        return Optional.empty();
    }

    /** The level two parties agree at in this field. */
    public abstract L compare(PartyView a, PartyView b);

    /**
     * The weight of a pair's level: the table's ({@link MatchWeights#weight}); a field whose weight depends on how
     * common the record's value is (the name) overrides it.
     */
    double weigh(MatchWeights weights, L level, PartyView a, PartyView b, NameFrequency aName) {
        return weights.weight(level);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public final String toString() {
        return name;
    }
}
