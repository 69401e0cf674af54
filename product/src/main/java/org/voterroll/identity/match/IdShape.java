package org.voterroll.identity.match;

import java.util.Locale;

/**
 * The shape of the difference between two identity numbers: the kinds of typing error that turn one
 * 18-character number into the other.
 */
public enum IdShape {
    /** Identical (after trimming and upper-casing 'x'). */
    EQUAL,
    /** Both 18 characters long and exactly one of the 18 positions differs. */
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

    /** The shape of the difference between {@code a} and {@code b}; symmetric. */
    public static IdShape of(String a, String b) {
        String x = clean(a);
        String y = clean(b);
        if (x == null || y == null) {
            return MISSING;
        }
        if (x.equals(y)) {
            return EQUAL;
        }
        if (x.length() != 18 || y.length() != 18) {
            return DIFFERENT;
        }
        int diffs = 0;
        int diffsIn17 = 0;
        int first = -1;
        int second = -1;
        for (int i = 0; i < 18; i++) {
            if (x.charAt(i) != y.charAt(i)) {
                diffs++;
                if (i < 17) {
                    diffsIn17++;
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
        if (diffsIn17 == 2) {
            return NEAR;
        }
        return DIFFERENT;
    }

    /**
     * A side knows its sex or birth only from its number ({@code aFromNumber}, {@code bFromNumber}), and the two numbers
     * are a typo apart within positions [from, to) (one digit, a swap, two digits): the field then repeats that digit's
     * disagreement, which ID_SHAPE already weighs, so it says nothing of its own (a death notice whose number has its
     * birth month mistyped is not "born another month" too).
     */
    static boolean typoIn(PartyView a, PartyView b, boolean aFromNumber, boolean bFromNumber, int from, int to) {
        if (!aFromNumber && !bFromNumber) return false;
        String x = clean(a.idNumber());
        String y = clean(b.idNumber());
        if (x == null || y == null || x.length() != 18 || y.length() != 18) return false;
        IdShape shape = of(x, y);
        if (shape != ONE_DIGIT && shape != ADJACENT_SWAP && shape != NEAR) return false;
        for (int i = from; i < to; i++) {
            if (x.charAt(i) != y.charAt(i)) return true;
        }
        return false;
    }

    static String clean(String id) {
        if (id == null) {
            return null;
        }
        String t = id.strip();
        return t.isEmpty() ? null : t.toUpperCase(Locale.ROOT);
    }
}
