package org.voterroll.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Identity numbers (GB 11643-1999): the generator's own ISO 7064 MOD 11-2 check digit, 15→18 conversion, the
 * one-wrong-digit / adjacent-swap neighbourhood used by repairs, and the formatting mess of the sources.
 */
final class Ids {
    private static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private Ids() {
    }

    /** check character of the first 17 digits (ISO 7064 MOD 11-2) */
    static char check(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + ": " + s);
            }
            sum += (c - '0') * W[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** 18 characters, 17 digits and a matching check character (upper-case X) */
    static boolean valid18(CharSequence s) {
        if (s.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return check(s) == s.charAt(17);
    }

    /** 18-digit form of a 15-digit legacy number */
    static String to18(String fifteen) {
        int seq = Integer.parseInt(fifteen.substring(12, 15));
        String century = seq >= 996 ? "18" : "19";
        String s17 = fifteen.substring(0, 6) + century + fifteen.substring(6, 15);
        return s17 + check(s17);
    }

    /** 15-digit legacy form (only for people born 1900-1999 with sequence below 996) */
    static String to15(String id) {
        return id.substring(0, 6) + id.substring(8, 17);
    }

    static String build(String region, LocalDate birth, int seq) {
        StringBuilder b = new StringBuilder(18).append(region);
        Fmt.appendCompact(b, birth);
        if (seq < 100) {
            b.append('0');
        }
        if (seq < 10) {
            b.append('0');
        }
        b.append(seq);
        return b.append(check(b)).toString();
    }

    /** the first 17 digits as a number (a non-zero key for {@link LongHashSet}) */
    static long key(CharSequence id) {
        long k = 0;
        for (int i = 0; i < 17; i++) {
            k = k * 10 + (id.charAt(i) - '0');
        }
        return k;
    }

    static boolean male(String id) {
        return ((id.charAt(16) - '0') & 1) == 1;
    }

    static LocalDate birth(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    /**
     * Every valid 18-character number one substitution (any position, check position included) or one swap of
     * adjacent characters away from {@code s}.
     */
    static List<String> neighbours(String s) {
        List<String> out = new ArrayList<>();
        char[] c = s.toCharArray();
        for (int i = 0; i < 17; i++) {
            char orig = c[i];
            if (orig < '0' || orig > '9') {
                continue;
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d == orig) {
                    continue;
                }
                c[i] = d;
                String t = new String(c);
                if (valid18(t)) {
                    out.add(t);
                }
            }
            c[i] = orig;
        }
        String fixed = s.substring(0, 17) + check(s);
        if (!fixed.equals(s)) {
            out.add(fixed);
        }
        for (int i = 0; i < 17; i++) {
            if (c[i] == c[i + 1]) {
                continue;
            }
            char a = c[i];
            c[i] = c[i + 1];
            c[i + 1] = a;
            String t = new String(c);
            if (valid18(t) && !out.contains(t)) {
                out.add(t);
            }
            c[i + 1] = c[i];
            c[i] = a;
        }
        return out;
    }

    /** number of the first 17 positions in which two numbers differ */
    static int distance17(String a, String b) {
        int d = 0;
        for (int i = 0; i < 17; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                d++;
            }
        }
        return d;
    }

    /** lower-case x, full-width digits, spaces or dashes inside, surrounding spaces (same number after normalising) */
    static String mess(String id, Rng r) {
        int kind = r.nextInt(id.endsWith("X") ? 6 : 5);
        switch (kind) {
            case 0: { // full-width digits
                StringBuilder b = new StringBuilder();
                for (char c : id.toCharArray()) {
                    b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
                }
                return b.toString();
            }
            case 1: // spaces inside
                return id.length() == 18
                        ? id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14)
                        : id.substring(0, 6) + " " + id.substring(6);
            case 2: // dashes inside
                return id.length() == 18
                        ? id.substring(0, 6) + "-" + id.substring(6, 14) + "-" + id.substring(14)
                        : id.substring(0, 6) + "-" + id.substring(6);
            case 3:
                return " " + id + "  ";
            case 4:
                return "\u3000" + id;
            default:
                return id.substring(0, id.length() - 1) + "x";
        }
    }
}
