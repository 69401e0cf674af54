package org.voterroll.identity.match;

import static org.voterroll.identity.match.MatchWeights.Basis.CONDITIONAL;
import static org.voterroll.identity.match.MatchWeights.Basis.RANDOM_PAIRS;

/**
 * HOUSEHOLD: household keys are only comparable within one namespace (the part before the first ':', e.g. "chaiqian";
 * empty for a bare huji 户号): keys of different namespaces are MISSING, since a chaiqian case number and a 户号 never
 * coincide even for one person. The same key under relations one person cannot hold both (户主 vs 子) is another member.
 */
public final class HouseholdComparison extends Comparison<HouseholdComparison.Level> {

    public enum Level implements Comparison.Level {
        // SAME_HOUSEHOLD: m 0.67 — records of one person in one namespace mostly carry the same case/household;
        //   u 1e-3 is conditional on the village (a household lies in one village, already counted by AREA):
        //   ~2.5 other members among ~2,500 residents. Village + household together ≈ the unconditional
        //   log2(0.67 / 3e-6).
        SAME_HOUSEHOLD(Comparison.weighed("同户", 0.67, 1e-3, CONDITIONAL)),                                        // +9.39
        // SAME_HOUSEHOLD_RELATION_CONFLICT: same household, relations one person cannot hold
        //   together (户主 vs 子): another member of the family. m 0.03 — the head changed between
        //   snapshots (widow or son became 户主); u 0.9 — among pairs of one household, different
        //   people nearly always have different relations.
        SAME_HOUSEHOLD_RELATION_CONFLICT(Comparison.weighed("同户但与户主关系矛盾", 0.03, 0.9, CONDITIONAL)),            // -4.91
        // DIFFERENT: m 0.30 — 一人多户 is exactly this, as are household splits (分户); u 0.999.
        DIFFERENT(Comparison.weighed("不同", 0.30, 0.999, RANDOM_PAIRS)),                                          // -1.74
        MISSING(Comparison.UNWEIGHED);

        private final Definition definition;

        Level(Definition definition) {
            this.definition = definition;
        }

        @Override public Definition definition() { return definition; }
        @Override public HouseholdComparison comparison() { return MatchModel.HOUSEHOLD; }
    }

    HouseholdComparison() {
        super("HOUSEHOLD", "户", Level.class);
    }

    @Override
    public Level compare(PartyView a, PartyView b) {
        return households(a.householdKey(), a.relation(), b.householdKey(), b.relation());
    }

    static Level households(String ka, String ra, String kb, String rb) {
        if (isBlank(ka) || isBlank(kb)) return Level.MISSING;
        String x = ka.strip();
        String y = kb.strip();
        if (!namespace(x).equals(namespace(y))) return Level.MISSING;
        if (!x.equals(y)) return Level.DIFFERENT;
        return HouseholdRelations.conflict(ra, rb) ? Level.SAME_HOUSEHOLD_RELATION_CONFLICT : Level.SAME_HOUSEHOLD;
    }

    static String namespace(String key) {
        int i = key.indexOf(':');
        return i < 0 ? "" : key.substring(0, i);
    }
}
