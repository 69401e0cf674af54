package org.voterroll.normalize;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Dates as the agencies write them. Accepted: {@code YYYYMMDD}, {@code YYYY-M-D}, {@code YYYY/M/D},
 * {@code YYYY.M.D}, {@code YYYY年M月D日} (month and day with one or two digits), full-width digits
 * and separators, surrounding whitespace, and a trailing time of day as Excel cells deliver it
 * ({@code 2026-06-30T00:00}, {@code 2026-06-30 00:00:00}). Years must have four digits (1000-9999).
 * The format variants themselves are not repairs; full-width characters and a non-midnight time
 * that was dropped are.
 */
public final class LenientDates {

    public static final String REPAIR_FULL_WIDTH = "全角数字转半角";
    public static final String REPAIR_TIME_DROPPED = "去除时间部分";

    private static final int F_FULL_WIDTH = 1;
    private static final int F_TIME_DROPPED = 2;
    private static final List<List<String>> REPAIR_LISTS = List.of(
            List.of(),
            List.of(REPAIR_FULL_WIDTH),
            List.of(REPAIR_TIME_DROPPED),
            List.of(REPAIR_FULL_WIDTH, REPAIR_TIME_DROPPED));

    private LenientDates() {
    }

    /**
     * Parses a date.
     *
     * @return the date with its repairs, or null when {@code raw} is null or blank
     * @throws InvalidValueException for an impossible date (2023-02-30) or any other text
     */
    public static Normalized<LocalDate> parseDate(String raw) {
        if (isPlainIso(raw)) {
            // the shape nearly every value has (YYYY-MM-DD, nothing around it): what clean and readDate would find
            return new Normalized<>(toDate(new int[] {number(raw, 0, 4), number(raw, 5, 7), number(raw, 8, 10)}, raw), REPAIR_LISTS.get(0));
        }
        Cleaned c = clean(raw);
        if (c == null) {
            return null;
        }
        int[] ymd = readDate(c.text);
        if (ymd == null) {
            throw unparseable(raw);
        }
        return new Normalized<>(toDate(ymd, raw), REPAIR_LISTS.get(c.flags));
    }

    /**
     * Parses a year and month: {@code YYYYMM}, {@code YYYY-MM}, {@code YYYY-M}, {@code YYYY/M},
     * {@code YYYY.M}, {@code YYYY年M月}, or any full date accepted by {@link #parseDate} (its month).
     *
     * @return the month with its repairs, or null when {@code raw} is null or blank
     * @throws InvalidValueException for a month outside 1-12 or any other text
     */
    public static Normalized<YearMonth> parseMonth(String raw) {
        Cleaned c = clean(raw);
        if (c == null) {
            return null;
        }
        int[] ym = readMonth(c.text);
        if (ym != null) {
            if (ym[1] < 1 || ym[1] > 12) {
                throw new InvalidValueException("年月不存在 (no such month): " + Chars.excerpt(raw));
            }
            return new Normalized<>(YearMonth.of(ym[0], ym[1]), REPAIR_LISTS.get(c.flags));
        }
        int[] ymd = readDate(c.text);
        if (ymd == null) {
            throw new InvalidValueException("年月无法识别 (unparseable month): " + Chars.excerpt(raw));
        }
        LocalDate date = toDate(ymd, raw);
        return new Normalized<>(YearMonth.from(date), REPAIR_LISTS.get(c.flags));
    }

    // ---------------------------------------------------------------- internals

    /** Exactly {@code YYYY-MM-DD} in ASCII digits, the year not starting with 0 (which readDate refuses). */
    private static boolean isPlainIso(String s) {
        if (s == null || s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && !Chars.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The text with ASCII digits/separators, blanks removed around it, the time part split off. */
    private record Cleaned(String text, int flags) {
    }

    private static Cleaned clean(String raw) {
        if (raw == null) {
            return null;
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
        int flags = 0;
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) Chars.halfWidth(c);
                flags |= F_FULL_WIDTH;
            } else if (c == '\u3000') {
                c = ' ';
            }
            sb.append(c);
        }
        String text = sb.toString();
        // split off a time of day: "2026-06-30T00:00", "2026-06-30 00:00:00"
        int split = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'T' || Chars.isBlank(c)) {
                split = i;
                break;
            }
        }
        if (split >= 0) {
            String time = text.substring(split + 1).strip();
            int timeKind = timeKind(time);
            if (timeKind < 0) {
                // not a time: blanks are allowed only inside a 年月日 date such as "2024 年 3 月 5 日"
                return new Cleaned(text.indexOf('年') >= 0 ? withoutBlanks(text) : text, flags);
            }
            if (timeKind == 1) {
                flags |= F_TIME_DROPPED;
            }
            text = text.substring(0, split);
        }
        return new Cleaned(text, flags);
    }

    private static String withoutBlanks(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Chars.isBlank(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * -1 when {@code s} is not a time of day; 0 for midnight; 1 for another time. Accepts
     * {@code H:mm}, {@code H:mm:ss}, {@code H:mm:ss.fff}, optionally followed by {@code Z} or an offset.
     */
    private static int timeKind(String s) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == 'Z') {
            n--;
        } else {
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if ((c == '+' || c == '-') && i > 0) {
                    String offset = s.substring(i + 1);
                    if (!isOffset(offset)) {
                        return -1;
                    }
                    n = i;
                    break;
                }
            }
        }
        int[] fields = new int[3];
        int field = 0;
        int digits = 0;
        int value = 0;
        boolean nonZeroFraction = false;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (Chars.isAsciiDigit(c)) {
                value = value * 10 + (c - '0');
                if (++digits > 2) {
                    return -1;
                }
            } else if (c == ':' && field < 2 && digits > 0) {
                fields[field++] = value;
                value = 0;
                digits = 0;
            } else if (c == '.' && field == 2 && digits > 0) {
                for (int j = i + 1; j < n; j++) {
                    char f = s.charAt(j);
                    if (!Chars.isAsciiDigit(f)) {
                        return -1;
                    }
                    if (f != '0') {
                        nonZeroFraction = true;
                    }
                }
                if (i + 1 == n) {
                    return -1;
                }
                break;
            } else {
                return -1;
            }
        }
        if (digits == 0 || field < 1) {
            return -1;
        }
        fields[field] = value;
        if (fields[0] > 23 || fields[1] > 59 || fields[2] > 59) {
            return -1;
        }
        return fields[0] == 0 && fields[1] == 0 && fields[2] == 0 && !nonZeroFraction ? 0 : 1;
    }

    private static boolean isOffset(String s) {
        // hh:mm or hhmm or hh
        int n = s.length();
        if (n == 2) {
            return Chars.isAsciiDigit(s.charAt(0)) && Chars.isAsciiDigit(s.charAt(1));
        }
        if (n == 4) {
            return isOffset(s.substring(0, 2)) && isOffset(s.substring(2));
        }
        return n == 5 && s.charAt(2) == ':' && isOffset(s.substring(0, 2)) && isOffset(s.substring(3));
    }

    /** {year, month, day} from a date text, or null when it has none of the accepted shapes (values unchecked). */
    private static int[] readDate(String s) {
        int n = s.length();
        if (n == 8 && allDigits(s)) {
            return new int[] {number(s, 0, 4), number(s, 4, 6), number(s, 6, 8)};
        }
        if (n < 8 || !allDigits(s.substring(0, 4)) || s.charAt(0) == '0') {
            return null;
        }
        char sep = s.charAt(4);
        if (sep == '-' || sep == '/' || sep == '.') {
            int second = s.indexOf(sep, 5);
            if (second < 0) {
                return null;
            }
            int month = number(s, 5, second);
            int day = number(s, second + 1, n);
            if (month < 0 || day < 0) {
                return null;
            }
            return new int[] {number(s, 0, 4), month, day};
        }
        if (sep == '年') {
            int m = s.indexOf('月', 5);
            if (m < 0) {
                return null;
            }
            int dayEnd = s.charAt(n - 1) == '日' || s.charAt(n - 1) == '号' ? n - 1 : n;
            int month = number(s, 5, m);
            int day = number(s, m + 1, dayEnd);
            if (month < 0 || day < 0) {
                return null;
            }
            return new int[] {number(s, 0, 4), month, day};
        }
        return null;
    }

    /** {year, month} from a month-only text, or null when it has none of the accepted shapes. */
    private static int[] readMonth(String s) {
        int n = s.length();
        if (n == 6 && allDigits(s)) {
            if (s.charAt(0) == '0') {
                return null;
            }
            return new int[] {number(s, 0, 4), number(s, 4, 6)};
        }
        if (n < 6 || !allDigits(s.substring(0, 4)) || s.charAt(0) == '0') {
            return null;
        }
        char sep = s.charAt(4);
        if (sep == '-' || sep == '/' || sep == '.') {
            int month = number(s, 5, n);
            return month < 0 ? null : new int[] {number(s, 0, 4), month};
        }
        if (sep == '年') {
            int monthEnd = s.charAt(n - 1) == '月' ? n - 1 : n;
            int month = number(s, 5, monthEnd);
            return month < 0 ? null : new int[] {number(s, 0, 4), month};
        }
        return null;
    }

    private static LocalDate toDate(int[] ymd, String raw) {
        int year = ymd[0];
        int month = ymd[1];
        int day = ymd[2];
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > IdNumbers.daysInMonth(year, month)) {
            throw new InvalidValueException("日期不存在 (no such date): " + Chars.excerpt(raw));
        }
        return LocalDate.of(year, month, day);
    }

    private static InvalidValueException unparseable(String raw) {
        return new InvalidValueException("日期无法识别 (unparseable date): " + Chars.excerpt(raw));
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of 1 or 2 ASCII digits in {@code s[from, to)}, or -1. */
    private static int number(String s, int from, int to) {
        int len = to - from;
        if (len < 1 || (len > 2 && from != 0) || len > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Chars.isAsciiDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
