package org.voterroll.identity.match;

import static org.voterroll.identity.match.MatchWeights.Basis.RANDOM_PAIRS;

/** SEX: 'M' / 'F' on both sides (case aside), else MISSING; MISSING too where only a typo in the numbers says it. */
public final class SexComparison extends Comparison<SexComparison.Level> {

    public enum Level implements Comparison.Level {
        // m 0.98 — 1/2 coding slips and 男/女 typos; u 0.5 — half of random pairs share the sex.
        AGREE(Comparison.weighed("相同", 0.98, 0.5, RANDOM_PAIRS)),                                  // +0.97
        DISAGREE(Comparison.weighed("不同", 0.02, 0.5, RANDOM_PAIRS)),                               // -4.64
        MISSING(Comparison.UNWEIGHED);

        private final Definition definition;

        Level(Definition definition) {
            this.definition = definition;
        }

        @Override public Definition definition() { return definition; }
        @Override public SexComparison comparison() { return MatchModel.SEX; }
    }

    /** The position of an 18-character number that encodes the sex (the 17th). */
    private static final int SEX_FROM = 16, SEX_TO = 17;

    SexComparison() {
        super("SEX", "性别", Level.class);
    }

    @Override
    public Level compare(PartyView a, PartyView b) {
        if (IdShape.typoIn(a, b, a.sexFromNumber(), b.sexFromNumber(), SEX_FROM, SEX_TO)) return Level.MISSING;
        return sexes(a.sex(), b.sex());
    }

    static Level sexes(Character a, Character b) {
        Character x = norm(a);
        Character y = norm(b);
        if (x == null || y == null) return Level.MISSING;
        return x.equals(y) ? Level.AGREE : Level.DISAGREE;
    }

    private static Character norm(Character c) {
        if (c == null) return null;
        char u = Character.toUpperCase(c);
        return (u == 'M' || u == 'F') ? u : null;
    }
}
