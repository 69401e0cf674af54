package org.voterroll.normalize;

import java.util.List;

/**
 * Administrative division codes (区划代码, GB/T 2260 + statistics division codes): digits 1-6 the
 * county, 1-9 the township, 1-12 the village or community. Delivered with 6, 9 or 12 digits.
 */
public final class AreaCodes {

    public static final String REPAIR_FULL_WIDTH = "全角数字转半角";
    public static final String REPAIR_SPACES = "去除空格";

    /** How much of the hierarchy a code names. */
    public enum Level {
        /** 6 digits. */
        COUNTY(6),
        /** 9 digits. */
        TOWNSHIP(9),
        /** 12 digits. */
        VILLAGE(12);

        private final int length;

        Level(int length) {
            this.length = length;
        }

        /** The number of digits of a code of this level. */
        public int length() {
            return length;
        }

        static Level ofLength(int length) {
            return switch (length) {
                case 6 -> COUNTY;
                case 9 -> TOWNSHIP;
                case 12 -> VILLAGE;
                default -> null;
            };
        }
    }

    /**
     * A parsed area code. A 12-digit code stays 12 digits even when it ends in "000".
     *
     * @param code  6, 9 or 12 ASCII digits
     * @param level the level matching the code's length
     */
    public record Area(String code, Level level) {

        public Area {
            if (code == null || level == null || code.length() != level.length() || !allDigits(code)) {
                throw new IllegalArgumentException("区划代码与级别不符 (code does not match level): " + code + " " + level);
            }
        }

        /** The 6-digit county code. */
        public String county() {
            return code.substring(0, 6);
        }

        /** The 9-digit township code, or null for a county-level code. */
        public String township() {
            return level == Level.COUNTY ? null : code.substring(0, 9);
        }
    }

    private AreaCodes() {
    }

    /**
     * Parses an area code: surrounding and inner whitespace removed, full-width digits → ASCII; then
     * exactly 6, 9 or 12 digits.
     *
     * @return the area with its repairs, or null when {@code raw} is null or blank
     * @throws InvalidValueException for other lengths or non-digits
     */
    public static Normalized<Area> parse(String raw) {
        if (raw == null) {
            return null;
        }
        Level plain = Level.ofLength(raw.length());
        if (plain != null && allDigits(raw)) {
            // the common case: already 6, 9 or 12 ASCII digits, nothing to clean
            return new Normalized<>(new Area(raw, plain), List.of());
        }
        int start = 0;
        int end = raw.length();
        while (start < end && Chars.isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && Chars.isBlank(raw.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        boolean fullWidth = false;
        boolean spaces = false;
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (Chars.isBlank(c)) {
                spaces = true;
                continue;
            }
            int d = Chars.digit(c);
            if (d < 0) {
                throw new InvalidValueException("区划代码含非数字 (area code is not numeric): " + Chars.excerpt(raw));
            }
            if (c > '9') {
                fullWidth = true;
            }
            sb.append((char) ('0' + d));
        }
        String code = sb.toString();
        Level level = Level.ofLength(code.length());
        if (level == null) {
            throw new InvalidValueException("区划代码位数错误，应为6、9或12位 (area code must have 6, 9 or 12 digits): "
                    + Chars.excerpt(raw));
        }
        List<String> repairs;
        if (fullWidth && spaces) {
            repairs = List.of(REPAIR_SPACES, REPAIR_FULL_WIDTH);
        } else if (fullWidth) {
            repairs = List.of(REPAIR_FULL_WIDTH);
        } else if (spaces) {
            repairs = List.of(REPAIR_SPACES);
        } else {
            repairs = List.of();
        }
        return new Normalized<>(new Area(code, level), repairs);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
