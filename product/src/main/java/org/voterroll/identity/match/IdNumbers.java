package org.voterroll.identity.match;

/**
 * The check-digit test of GB 11643-1999 (ISO 7064 MOD 11-2), kept local so that this package does
 * not depend on the normalisation package.
 */
final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** True when {@code id} is 17 ASCII digits followed by the right check character. */
    static boolean isValid18(String id) {
        String s = IdShape.clean(id);
        if (s == null || s.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return s.charAt(17) == CHECK[sum % 11];
    }

    /** The check character for 17 digits (used by tests to build valid numbers). */
    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
