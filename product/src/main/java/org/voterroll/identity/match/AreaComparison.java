package org.voterroll.identity.match;

import static org.voterroll.identity.match.MatchWeights.Basis.RANDOM_PAIRS;

/**
 * AREA: area codes compared at the most precise level both sides know (12 digits a village, 9 a township, 6 the county),
 * the closest agreement between any place of one side and any of the other (areaCode and otherArea: a person separated
 * from their register is also at home where they live).
 */
public final class AreaComparison extends Comparison<AreaComparison.Level> {

    /** Closest first: of two places the one with the lower ordinal counts. */
    public enum Level implements Comparison.Level {
        // SAME_VILLAGE: m 0.70 — most records of a person carry the registered/lived-at village
        //   (tongji, chaiqian, liudong 户籍地 vs huji); u 0.0025 = 1/400 villages.
        SAME_VILLAGE(Comparison.weighed("同村（社区）", 0.70, 0.0025, RANDOM_PAIRS)),                   // +8.13
        // SAME_TOWNSHIP: m 0.09 — moved within the township; u 0.0475 = 1/20 − 1/400.
        SAME_TOWNSHIP(Comparison.weighed("同乡镇", 0.09, 0.0475, RANDOM_PAIRS)),                       // +0.92
        // SAME_COUNTY: m 0.20 — lives in another township than registered; u 0.85 — most random
        //   pairs of county records.
        SAME_COUNTY(Comparison.weighed("同县", 0.20, 0.85, RANDOM_PAIRS)),                            // -2.09
        // DIFFERENT (another county): m 0.01 — a record of a resident claiming another county is
        //   rare; u 0.10 — in-migrants' registered addresses lie outside the county.
        DIFFERENT(Comparison.weighed("不同", 0.01, 0.10, RANDOM_PAIRS)),                              // -3.32
        MISSING(Comparison.UNWEIGHED);

        private final Definition definition;

        Level(Definition definition) {
            this.definition = definition;
        }

        @Override public Definition definition() { return definition; }
        @Override public AreaComparison comparison() { return MatchModel.AREA; }
    }

    AreaComparison() {
        super("AREA", "区划", Level.class);
    }

    @Override
    public Level compare(PartyView a, PartyView b) {
        Level best = codes(a.areaCode(), b.areaCode());
        if (a.otherArea() != null) best = closer(best, codes(a.otherArea(), b.areaCode()));
        if (b.otherArea() != null) best = closer(best, codes(a.areaCode(), b.otherArea()));
        return best;
    }

    private static Level closer(Level x, Level y) {
        return y.ordinal() < x.ordinal() ? y : x;
    }

    /**
     * Two codes at the most precise level both know. A 12-digit code ending in 000 is a township code, a 9-digit one
     * ending in 000 a county code. Codes that are not all digits or shorter than 6 digits are missing.
     */
    static Level codes(String a, String b) {
        String x = prefix(a);
        String y = prefix(b);
        if (x == null || y == null) return Level.MISSING;
        if (!x.regionMatches(0, y, 0, 6)) return Level.DIFFERENT;
        int common = Math.min(x.length(), y.length());
        if (common < 9 || !x.regionMatches(0, y, 0, 9)) return Level.SAME_COUNTY;
        if (common < 12 || !x.regionMatches(0, y, 0, 12)) return Level.SAME_TOWNSHIP;
        return Level.SAME_VILLAGE;
    }

    /**
     * Two codes that name different places at the most precise level both know (a village's code and its own township's
     * do not contradict each other; a missing code contradicts nothing).
     */
    static boolean contradict(String a, String b) {
        String x = prefix(a);
        String y = prefix(b);
        if (x == null || y == null) return false;
        return !x.regionMatches(0, y, 0, Math.min(x.length(), y.length()));
    }

    /** The significant prefix of an area code: 12, 9 or 6 digits, or null. */
    static String prefix(String code) {
        if (code == null) return null;
        String s = code.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        int len = s.length() >= 12 ? 12 : s.length() >= 9 ? 9 : s.length() >= 6 ? 6 : 0;
        if (len == 0) return null;
        if (len == 12 && s.startsWith("000", 9)) len = 9;
        if (len == 9 && s.startsWith("000", 6)) len = 6;
        return s.substring(0, len);
    }
}
