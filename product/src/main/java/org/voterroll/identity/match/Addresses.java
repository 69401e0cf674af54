package org.voterroll.identity.match;

import java.text.Normalizer;

/**
 * Dwelling addresses as agencies write them, reduced to a form in which two writings of one dwelling are equal:
 * full-width characters folded, spaces, punctuation and remarks (in brackets, or after a last comma) gone, Chinese numerals of a group,
 * building, unit, floor, room or house number as digits. Two addresses are one dwelling when their forms are equal or
 * one is the other with whole divisions before it (the township or county written by one agency only), the shorter
 * still naming a numbered place.
 */
public final class Addresses {
    /** Characters after which a number names a place in a village or compound: 3组, 12号, 5栋, 2单元, 301室 … */
    private static final String UNITS = "组号栋幢单元楼层室巷弄排队户";
    /** Last characters of the divisions an agency may leave out before the village: 省, 市, 县, 区, 镇, 乡, 街道. */
    private static final String DIVISION_ENDS = "省市县区镇乡道";
    /** The shortest end of an address that still names one dwelling, in characters (e.g. 东风村3组12号 is 8). */
    static final int MIN_SUFFIX = 6;

    private Addresses() {
    }

    /** The comparable form of an address, or null when nothing comparable is left. */
    public static String normalise(String address) {
        if (address == null || address.isBlank()) return null;
        String s = withoutTrailingRemarks(Normalizer.normalize(address, Normalizer.Form.NFKC));
        StringBuilder kept = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth = Math.max(0, depth - 1);
            else if (depth == 0 && (Character.isLetterOrDigit(c) || c == '〇')) kept.append(c); // 〇 is a letter-number, neither
        }
        String out = numeralsAsDigits(kept);
        return out.isEmpty() ? null : out;
    }

    /** Separators after which an agency adds a remark to an address: 东风村5组47号,院内 / …301室；东侧. */
    private static final String REMARK_SEPARATORS = ",;、，；";

    /**
     * The address without what follows its last separators when that holds no number (院内, 东侧, 门面): a remark about
     * the dwelling, not part of its name. A separator before numbers (东风村, 3组12号) is only punctuation.
     */
    static String withoutTrailingRemarks(String s) {
        String out = s;
        while (true) {
            int cut = -1;
            for (int i = out.length() - 1; i >= 0; i--) {
                if (REMARK_SEPARATORS.indexOf(out.charAt(i)) >= 0) {
                    cut = i;
                    break;
                }
            }
            if (cut <= 0) return out;
            String tail = out.substring(cut + 1);
            for (int i = 0; i < tail.length(); i++) {
                if (Character.isDigit(tail.charAt(i)) || digitValue(tail.charAt(i)) >= -2) return out;
            }
            out = out.substring(0, cut);
        }
    }

    /** Whether two addresses name one dwelling (see the class comment); false when either is missing. */
    public static boolean sameDwelling(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x == null || y == null) return false;
        if (x.equals(y)) return true;
        String shorter = x.length() <= y.length() ? x : y;
        String longer = shorter == x ? y : x;
        if (shorter.length() < MIN_SUFFIX || !longer.endsWith(shorter) || !hasDigit(shorter)) return false;
        // what only the longer writes must be whole divisions (东山镇, 某县城关镇), not part of a name (三|河村)
        char lastLeftOut = longer.charAt(longer.length() - shorter.length() - 1);
        return DIVISION_ENDS.indexOf(lastLeftOut) >= 0;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }

    /** 三组 → 3组, 十二号 → 12号, 二十三栋 → 23栋, 一百零五室 → 105室, 三〇二室 → 302室; other numerals (三河村) stay. */
    static String numeralsAsDigits(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && digitValue(s.charAt(j)) >= -2) j++;
            if (j > i && j < s.length() && UNITS.indexOf(s.charAt(j)) >= 0) {
                long v = value(s.subSequence(i, j));
                if (v >= 0) {
                    out.append(v).append(s.charAt(j));
                    i = j + 1;
                    continue;
                }
            }
            if (j > i) {
                out.append(s, i, j);
                i = j;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** 0–9 for a digit numeral, −1 for 十, −2 for 百, less for anything else. */
    private static int digitValue(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            case '十' -> -1;
            case '百' -> -2;
            default -> -3;
        };
    }

    /** The number a run of numerals writes, or −1 when it is not one (十十). */
    private static long value(CharSequence n) {
        boolean positional = false;
        for (int i = 0; i < n.length(); i++) positional |= digitValue(n.charAt(i)) < 0;
        if (!positional) { // 三〇二: digit by digit
            long v = 0;
            for (int i = 0; i < n.length(); i++) v = v * 10 + digitValue(n.charAt(i));
            return v;
        }
        long total = 0;
        int pending = -1;     // a digit not yet given its place
        int lastPlace = 1000; // places must fall: 百 before 十 before units
        for (int i = 0; i < n.length(); i++) {
            int d = digitValue(n.charAt(i));
            if (d >= 0) {
                if (pending > 0) return -1; // 三五十
                pending = d;
            } else {
                int place = d == -1 ? 10 : 100;
                if (place >= lastPlace) return -1;
                total += (long) (pending < 0 ? 1 : pending) * place;
                lastPlace = place;
                pending = -1;
            }
        }
        return total + Math.max(pending, 0);
    }
}
