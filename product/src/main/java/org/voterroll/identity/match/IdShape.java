package org.voterroll.identity.match;

import java.util.Locale;

/**
 * The shape of the difference between two identity numbers: the kinds of typing error that turn one
 * 18-character number into the other.
 */
public enum IdShape {
    /** Identical (after trimming and upper-casing 'x'). */
    EQUAL,
    /** Both 18 characters long (or both 15, a legacy number beside the other's 15-digit form) and one position differs. */
    ONE_DIGIT,
    /** Both 18 characters long; exactly two adjacent positions differ and they are swapped. */
    ADJACENT_SWAP,
    /**
     * Both 18 characters long, not one of the above, and exactly two of the first 17 positions
     * differ (the 18th, the check character, may or may not differ as well).
     */
    NEAR,
    /** Anything else, including numbers of different lengths. */
    DIFFERENT,
    /** Either number is null or blank. */
    MISSING;

    /**
     * The shape of the difference between {@code a} and {@code b}; symmetric. A 15-digit number (a legacy record as
     * written) is compared with the other in its 15-digit form: the 18-character form of one mistyped digit differs in the
     * check character too, which says nothing of the typo.
     */
    public static IdShape of(String a, String b) {
        String[] pair = comparable(clean(a), clean(b));
        if (pair == null) return MISSING;
        String x = pair[0];
        String y = pair[1];
        if (x.equals(y)) {
            return EQUAL;
        }
        if (x.length() != y.length() || (x.length() != 18 && x.length() != 15)) {
            return DIFFERENT;
        }
        int length = x.length();
        int checked = length == 18 ? 17 : 15; // positions before the check character, if any
        int diffs = 0;
        int diffsInDigits = 0;
        int first = -1;
        int second = -1;
        for (int i = 0; i < length; i++) {
            if (x.charAt(i) != y.charAt(i)) {
                diffs++;
                if (i < checked) {
                    diffsInDigits++;
                }
                if (first < 0) {
                    first = i;
                } else if (second < 0) {
                    second = i;
                }
            }
        }
        if (diffs == 1) {
            return ONE_DIGIT;
        }
        if (diffs == 2 && second == first + 1
                && x.charAt(first) == y.charAt(second) && x.charAt(second) == y.charAt(first)) {
            return ADJACENT_SWAP;
        }
        if (diffsInDigits == 2) {
            return NEAR;
        }
        return DIFFERENT;
    }

    /**
     * The two numbers in forms of one length: an 18-character number beside a 15-digit one in its 15-digit form (the
     * century and the check character dropped), or as it is when it cannot be one; null when either is missing.
     */
    private static String[] comparable(String x, String y) {
        if (x == null || y == null) return null;
        if (x.length() == 15 && y.length() == 18) return new String[] {x, fifteen(y)};
        if (x.length() == 18 && y.length() == 15) return new String[] {fifteen(x), y};
        return new String[] {x, y};
    }

    private static String fifteen(String id18) {
        boolean century = id18.charAt(6) == '1' && (id18.charAt(7) == '9' || id18.charAt(7) == '8');
        return century ? id18.substring(0, 6) + id18.substring(8, 17) : id18;
    }

    /** True when {@code id} is 15 ASCII digits: a legacy number as written, which has no check digit. */
    static boolean isLegacy15(String id) {
        String s = clean(id);
        if (s == null || s.length() != 15) return false;
        for (int i = 0; i < 15; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /**
     * A side knows its sex or birth only from its number ({@code aFromNumber}, {@code bFromNumber}), and the two numbers
     * are a typo apart within positions [from, to) of the 18-character form (one digit, a swap, two digits): the field then
     * repeats that digit's disagreement, which ID_SHAPE already weighs, so it says nothing of its own (a death notice whose
     * number has its birth month mistyped is not "born another month" too).
     */
    static boolean typoIn(PartyView a, PartyView b, boolean aFromNumber, boolean bFromNumber, int from, int to) {
        if (!aFromNumber && !bFromNumber) return false;
        String[] pair = comparable(clean(a.idNumber()), clean(b.idNumber()));
        if (pair == null || pair[0].length() != pair[1].length()) return false;
        String x = pair[0];
        String y = pair[1];
        IdShape shape = of(x, y);
        if (shape != ONE_DIGIT && shape != ADJACENT_SWAP && shape != NEAR) return false;
        boolean legacy = x.length() == 15;
        int start = legacy ? in15(from) : from;
        int end = legacy ? in15(to) : to;
        for (int i = start; i < end && i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) return true;
        }
        return false;
    }

    /** A position of the 18-character form in the 15-digit one: the century (6, 7) is not written there. */
    private static int in15(int position) {
        return position <= 6 ? position : Math.max(6, position - 2);
    }

    static String clean(String id) {
        if (id == null) {
            return null;
        }
        String t = id.strip();
        return t.isEmpty() ? null : t.toUpperCase(Locale.ROOT);
    }
}
