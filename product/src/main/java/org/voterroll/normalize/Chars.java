package org.voterroll.normalize;

/** Small character helpers shared by the normalisers (package-private, no regex, no allocation). */
final class Chars {

    private Chars() {
    }

    /**
     * True for characters that carry no content in a field: ASCII and Unicode whitespace, space
     * separators (incl. NBSP U+00A0 and the full-width space U+3000), control characters,
     * zero-width characters and the byte-order mark.
     */
    static boolean isBlank(int cp) {
        if (cp <= 0x20) {
            return true;
        }
        if (cp < 0x7F) {
            return false;
        }
        if (cp <= 0xA0) {
            return true; // DEL, C1 controls, NBSP
        }
        switch (cp) {
            case 0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x1680 -> {
                return true;
            }
            default -> {
                if (cp >= 0x2000 && cp <= 0x200A) {
                    return true;
                }
                return cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x85;
            }
        }
    }

    /** ASCII digit value of an ASCII or full-width digit, or -1. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    /** True for ASCII digits only. */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The half-width form of a full-width ASCII character (U+FF01..U+FF5E), otherwise the input. */
    static int halfWidth(int cp) {
        return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp;
    }

    /** The raw value as it may appear in a message: trimmed, shortened when very long. */
    static String excerpt(String raw) {
        if (raw == null) {
            return "null";
        }
        String s = raw.strip();
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
