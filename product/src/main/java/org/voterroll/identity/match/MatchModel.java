package org.voterroll.identity.match;

import java.util.List;
import java.util.Optional;

/**
 * The comparisons a pair is scored on, in the order a {@link MatchScore} (and so every evidence string and weight chart)
 * shows them. A new field: its class, a constant here and its place in {@link #FIELDS}.
 */
public final class MatchModel {
    private MatchModel() {}

    public static final NameComparison NAME = new NameComparison();
    public static final SexComparison SEX = new SexComparison();
    public static final BirthComparison BIRTH = new BirthComparison();
    public static final IdShapeComparison ID_SHAPE = new IdShapeComparison();
    public static final AreaComparison AREA = new AreaComparison();
    public static final HouseholdComparison HOUSEHOLD = new HouseholdComparison();
    public static final AddressComparison ADDRESS = new AddressComparison();

    public static final List<Comparison<?>> FIELDS = List.of(NAME, SEX, BIRTH, ID_SHAPE, AREA, HOUSEHOLD, ADDRESS);

    /** The comparison of a code ({@code NAME}), or empty. */
    public static Optional<Comparison<?>> field(String name) {
        for (Comparison<?> c : FIELDS) {
            if (c.name().equals(name)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
