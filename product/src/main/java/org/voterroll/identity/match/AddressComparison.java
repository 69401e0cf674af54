package org.voterroll.identity.match;

import static org.voterroll.identity.match.MatchWeights.Basis.CONDITIONAL;

/**
 * ADDRESS: only agreement is evidence. One person's address differs between agencies (moves, 人户分离, each agency's way
 * of writing it) about as often as two strangers' do, so a difference counts as nothing known (MISSING). A person
 * separated from their register is also at home where they live (otherAddress), as in {@link AreaComparison}.
 */
public final class AddressComparison extends Comparison<AddressComparison.Level> {

    public enum Level implements Comparison.Level {
        // SAME_DWELLING: the two addresses name one dwelling (Addresses.sameDwelling). Conditional on
        //   the village, like HOUSEHOLD: a dwelling holds ~2.5 of a village's ~2,500 residents, so
        //   u 1e-3; m 0.5 — a survey or resettlement row taken at the registered home carries its
        //   address, one taken where the person lives (人户分离) or written another way does not.
        SAME_DWELLING(Comparison.weighed("同一住址", 0.50, 1e-3, CONDITIONAL)),                        // +8.97
        MISSING(Comparison.UNWEIGHED);

        private final Definition definition;

        Level(Definition definition) {
            this.definition = definition;
        }

        @Override public Definition definition() { return definition; }
        @Override public AddressComparison comparison() { return MatchModel.ADDRESS; }
    }

    AddressComparison() {
        super("ADDRESS", "地址", Level.class);
    }

    @Override
    public Level compare(PartyView a, PartyView b) {
        String aOther = a.otherArea() != null ? a.otherArea() : a.areaCode();
        String bOther = b.otherArea() != null ? b.otherArea() : b.areaCode();
        boolean same = oneDwelling(a.address(), a.areaCode(), b.address(), b.areaCode())
                || a.otherAddress() != null && oneDwelling(a.otherAddress(), aOther, b.address(), b.areaCode())
                || b.otherAddress() != null && oneDwelling(a.address(), a.areaCode(), b.otherAddress(), bOther);
        return same ? Level.SAME_DWELLING : Level.MISSING;
    }

    /**
     * One dwelling: the same address text in places that do not contradict each other. An address is written within its
     * village — 人民路27号 names a house in every village that has a 人民路 — so the same text under two villages' (or two
     * townships') codes is two dwellings (issue 18: namesakes of two townships at 人民路NN号 were raised as one person).
     */
    public static boolean oneDwelling(String addressA, String areaA, String addressB, String areaB) {
        return !AreaComparison.contradict(areaA, areaB) && Addresses.sameDwelling(addressA, addressB);
    }
}
