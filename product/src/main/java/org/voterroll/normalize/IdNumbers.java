package org.voterroll.normalize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Citizen identity numbers (公民身份号码, also used as 社会保障号码) per GB 11643-1999: 6-digit region
 * code, 8-digit birth date, 3-digit sequence (odd = male), check character (ISO 7064 MOD 11-2,
 * {@code X} for 10). Legacy 15-digit numbers (GB 11643-1989) are converted to 18 characters.
 *
 * <p>{@link #parse(String)} is the hot path (called tens of millions of times a night): it uses a
 * single character loop, no regular expressions, and throws no exceptions.
 */
public final class IdNumbers {

    /** Outcome of {@link #parse(String)}. */
    public enum Status {
        /** 18 characters, check digit correct. */
        VALID,
        /** 15 digits, converted to 18. */
        LEGACY15,
        /** 18 characters of the right shape (or with the check character X swapped with the digit before it), but the check digit is wrong. */
        BAD_CHECK,
        /** Cannot be read as an identity number at all (wrong length, letters, ...). */
        MALFORMED,
        /** Null, empty or only whitespace/dashes. */
        EMPTY
    }

    /**
     * A parsed identity number.
     *
     * @param raw     the value as delivered
     * @param number  the 18-character normalised form; for {@link Status#BAD_CHECK} the cleaned 18
     *                characters as given; null for {@link Status#MALFORMED} and {@link Status#EMPTY}
     * @param status  the outcome
     * @param repairs repairs applied while cleaning (never null, unmodifiable)
     */
    public record Parsed(String raw, String number, Status status, List<String> repairs) {

        public Parsed {
            repairs = repairs == null ? List.of() : List.copyOf(repairs);
        }

        /** True when the number can be used as a person's key: {@link Status#VALID} or {@link Status#LEGACY15}. */
        public boolean usable() {
            return status == Status.VALID || status == Status.LEGACY15;
        }
    }

    public static final String REPAIR_SPACES = "去除空格";
    public static final String REPAIR_DASHES = "去除连字符";
    public static final String REPAIR_QUOTE = "去除前导引号";
    public static final String REPAIR_FULL_WIDTH = "全角数字转半角";
    public static final String REPAIR_LOWER_X = "小写x转大写";
    public static final String REPAIR_LEGACY15 = "15位转18位";
    public static final String REPAIR_FORMULA = "去除公式外壳";

    private static final int F_SPACES = 1;
    private static final int F_DASHES = 2;
    private static final int F_QUOTE = 4;
    private static final int F_FULL_WIDTH = 8;
    private static final int F_LOWER_X = 16;
    private static final int F_LEGACY15 = 32;
    private static final int F_FORMULA = 64;
    private static final String[] FLAG_TEXTS = {
        REPAIR_SPACES, REPAIR_DASHES, REPAIR_QUOTE, REPAIR_FULL_WIDTH, REPAIR_LOWER_X, REPAIR_LEGACY15, REPAIR_FORMULA
    };
    /** Pre-built unmodifiable repair lists for every combination of flags: no allocation per call. */
    @SuppressWarnings("unchecked")
    private static final List<String>[] REPAIR_LISTS = new List[1 << FLAG_TEXTS.length];

    static {
        for (int flags = 0; flags < REPAIR_LISTS.length; flags++) {
            List<String> list = new ArrayList<>();
            for (int bit = 0; bit < FLAG_TEXTS.length; bit++) {
                if ((flags & (1 << bit)) != 0) {
                    list.add(FLAG_TEXTS[bit]);
                }
            }
            REPAIR_LISTS[flags] = List.copyOf(list);
        }
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String MASK_MIDDLE = "********";

    private IdNumbers() {
    }

    /**
     * Reads a raw identity number: trims; removes inner whitespace (incl. U+3000 and NBSP) and
     * dashes; a leading apostrophe (Excel's "text" marker) and a formula wrapper {@code ="…"} are dropped; full-width digits and X become
     * ASCII; lowercase x becomes X; 15 digits are converted to 18. Never throws.
     */
    public static Parsed parse(String raw) {
        if (raw == null) {
            return new Parsed(null, null, Status.EMPTY, List.of());
        }
        int len = raw.length();
        if (len == 18 && isCanonicalShape(raw)) {
            // the common case: already clean
            Status status = computeCheck(raw) == raw.charAt(17) ? Status.VALID : Status.BAD_CHECK;
            return new Parsed(raw, raw, status, List.of());
        }
        int start = 0;
        int end = len;
        while (start < end && Chars.isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && Chars.isBlank(raw.charAt(end - 1))) {
            end--;
        }
        int flags = 0;
        // ="341299…": the formula an export writes so that a spreadsheet keeps the digits as text
        if (end - start >= 3 && raw.charAt(start) == '=' && raw.charAt(start + 1) == '"' && raw.charAt(end - 1) == '"') {
            flags |= F_FORMULA;
            start += 2;
            end--;
            while (start < end && Chars.isBlank(raw.charAt(start))) start++;
            while (end > start && Chars.isBlank(raw.charAt(end - 1))) end--;
        }
        if (start < end && (raw.charAt(start) == '\'' || raw.charAt(start) == '`')) {
            flags |= F_QUOTE;
            start++;
            while (start < end && Chars.isBlank(raw.charAt(start))) {
                start++;
            }
        }
        char[] buf = new char[Math.min(end - start, 19)];
        int n = 0;
        boolean tooLong = false;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (Chars.isBlank(c)) {
                flags |= F_SPACES;
                continue;
            }
            if (isDash(c)) {
                flags |= F_DASHES;
                continue;
            }
            if (c >= '\uFF10' && c <= '\uFF19') {
                c = (char) (c - '\uFF10' + '0');
                flags |= F_FULL_WIDTH;
            } else if (c == 'x') {
                c = 'X';
                flags |= F_LOWER_X;
            } else if (c == '\uFF38') { // Ｘ
                c = 'X';
                flags |= F_FULL_WIDTH;
            } else if (c == '\uFF58') { // ｘ
                c = 'X';
                flags |= F_FULL_WIDTH | F_LOWER_X;
            }
            if (n < buf.length) {
                buf[n++] = c;
            } else {
                tooLong = true;
            }
        }
        if (n == 0) {
            return new Parsed(raw, null, Status.EMPTY, List.of());
        }
        if (!tooLong && n == 18 && isShape18(buf)) {
            String number = new String(buf, 0, 18);
            Status status = computeCheck(number) == buf[17] ? Status.VALID : Status.BAD_CHECK;
            return new Parsed(raw, number, status, REPAIR_LISTS[flags]);
        }
        if (!tooLong && n == 18 && isCheckSwapped(buf)) {
            // …39X7 for …397X: the check character typed one place early is a mistyped number of the right shape,
            // repaired like any other adjacent swap (repairCandidates), not a value that cannot be a number
            return new Parsed(raw, new String(buf, 0, 18), Status.BAD_CHECK, REPAIR_LISTS[flags]);
        }
        if (!tooLong && n == 15 && allDigits(buf, 15)) {
            String number = convert15(new String(buf, 0, 15));
            return new Parsed(raw, number, Status.LEGACY15, REPAIR_LISTS[flags | F_LEGACY15]);
        }
        return new Parsed(raw, null, Status.MALFORMED, REPAIR_LISTS[flags]);
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of {@code first17} (a longer
     * sequence, e.g. a whole 18-character number, is accepted: only its first 17 characters count).
     *
     * @return '0'..'9' or 'X'
     * @throws IllegalArgumentException when there are fewer than 17 characters or one is not an ASCII digit
     */
    public static char checkDigit(CharSequence first17) {
        if (first17 == null || first17.length() < 17) {
            throw new IllegalArgumentException("需要17位数字 (17 digits required)");
        }
        for (int i = 0; i < 17; i++) {
            if (!Chars.isAsciiDigit(first17.charAt(i))) {
                throw new IllegalArgumentException("需要17位数字 (17 digits required): "
                        + mask(first17.toString()));
            }
        }
        return computeCheck(first17);
    }

    /** True when {@code id18} is exactly 18 characters, 17 ASCII digits plus a correct check character (digit or uppercase X). */
    public static boolean isValid(String id18) {
        return id18 != null && id18.length() == 18 && isCanonicalShape(id18)
                && computeCheck(id18) == id18.charAt(17);
    }

    /**
     * Converts a legacy 15-digit number (6 region + YYMMDD + 3 sequence) to 18 characters: inserts
     * "19" before the year ("18" when the sequence is 996..999, reserved for centenarians) and
     * appends the check character.
     *
     * @throws InvalidValueException when {@code id15} is not exactly 15 ASCII digits
     */
    public static String from15(String id15) {
        if (id15 == null || id15.length() != 15 || !allDigits(id15)) {
            throw new InvalidValueException("15位身份号码格式错误 (not a 15-digit identity number): "
                    + (id15 == null ? "null" : mask(id15)));
        }
        return convert15(id15);
    }

    /**
     * Every {@link #isValid valid} 18-character number reachable from {@code id18} by changing
     * exactly one character (any position to a digit 0-9; X only in the last position) or by
     * swapping two adjacent characters. Sorted, without duplicates, never containing the input.
     * Empty when {@code id18} is null or not 18 characters long.
     */
    public static List<String> repairCandidates(String id18) {
        if (id18 == null || id18.length() != 18) {
            return List.of();
        }
        TreeSet<String> found = new TreeSet<>();
        char[] chars = id18.toCharArray();
        for (int pos = 0; pos < 18; pos++) {
            char original = chars[pos];
            int options = pos == 17 ? 11 : 10;
            for (int k = 0; k < options; k++) {
                char replacement = k == 10 ? 'X' : (char) ('0' + k);
                if (replacement == original) {
                    continue;
                }
                chars[pos] = replacement;
                if (isValid(chars)) {
                    found.add(new String(chars));
                }
            }
            chars[pos] = original;
        }
        for (int pos = 0; pos < 17; pos++) {
            char a = chars[pos];
            char b = chars[pos + 1];
            if (a == b) {
                continue;
            }
            chars[pos] = b;
            chars[pos + 1] = a;
            if (isValid(chars)) {
                found.add(new String(chars));
            }
            chars[pos] = a;
            chars[pos + 1] = b;
        }
        found.remove(id18);
        return List.copyOf(found);
    }

    /**
     * The 15-digit number an 18-character number converted from one ({@link #from15}) was: the century and the check
     * character dropped. Null when {@code id18} is not 17 digits and a check character with the century 18 or 19.
     */
    public static String to15(String id18) {
        if (id18 == null || id18.length() != 18 || !isCanonicalShape(id18)) return null;
        if (id18.charAt(6) != '1' || (id18.charAt(7) != '9' && id18.charAt(7) != '8')) return null;
        return id18.substring(0, 6) + id18.substring(8, 17);
    }

    /**
     * The 18-character forms of every 15-digit number one wrong digit or one adjacent swap away from the 15-digit number
     * that {@code legacy18} was converted from ({@link #from15}). A 15-digit number has no check digit, so a typo in one
     * converts to a well-formed number of nobody; these are the numbers it may have been meant as. Sorted, without
     * duplicates, never containing the input; empty when {@code legacy18} is not such a conversion.
     */
    public static List<String> legacyRepairCandidates(String legacy18) {
        String id15 = to15(legacy18);
        if (id15 == null || !legacy18.equals(convert15(id15))) return List.of();
        TreeSet<String> found = new TreeSet<>();
        char[] chars = id15.toCharArray();
        for (int pos = 0; pos < 15; pos++) {
            char original = chars[pos];
            for (char d = '0'; d <= '9'; d++) {
                if (d == original) continue;
                chars[pos] = d;
                found.add(convert15(new String(chars)));
            }
            chars[pos] = original;
        }
        for (int pos = 0; pos < 14; pos++) {
            char a = chars[pos], b = chars[pos + 1];
            if (a == b) continue;
            chars[pos] = b;
            chars[pos + 1] = a;
            found.add(convert15(new String(chars)));
            chars[pos] = a;
            chars[pos + 1] = b;
        }
        found.remove(legacy18);
        return List.copyOf(found);
    }

    /**
     * The birth date encoded in characters 7-14 (YYYYMMDD) of an 18-character number; null when the
     * input is too short, not digits there, or not a real calendar date (year before 1800 included).
     */
    public static LocalDate birthDate(String id18) {
        if (id18 == null || id18.length() < 14) {
            return null;
        }
        int year = digits(id18, 6, 4);
        int month = digits(id18, 10, 2);
        int day = digits(id18, 12, 2);
        if (year < 1800 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The sex encoded in the 17th character (odd = male); null when absent or not a digit. */
    public static Sex sex(String id18) {
        if (id18 == null || id18.length() < 17) {
            return null;
        }
        char c = id18.charAt(16);
        if (!Chars.isAsciiDigit(c)) {
            return null;
        }
        return ((c - '0') & 1) == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /**
     * Masks a number for messages and logs: first 6 + "********" + last 4 for any length &ge; 10;
     * a shorter value becomes all '*' (same length); null stays null.
     */
    public static String mask(String id18) {
        if (id18 == null) {
            return null;
        }
        int len = id18.length();
        if (len >= 10) {
            return id18.substring(0, 6) + MASK_MIDDLE + id18.substring(len - 4);
        }
        return "*".repeat(len);
    }

    /** The 6-digit region code (first 6 characters); null when shorter or not digits. */
    public static String regionCode(String id18) {
        if (id18 == null || id18.length() < 6 || digits(id18, 0, 6) < 0) {
            return null;
        }
        return id18.substring(0, 6);
    }

    // ---------------------------------------------------------------- internals

    private static boolean isDash(char c) {
        return c == '-' || c == '\uFF0D' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63';
    }

    /** 18 chars already: 17 ASCII digits + digit or uppercase X (no cleaning needed). */
    private static boolean isCanonicalShape(CharSequence s) {
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = s.charAt(17);
        return (last >= '0' && last <= '9') || last == 'X';
    }

    /** 16 digits, then X, then a digit: the check character X swapped with the digit before it. */
    private static boolean isCheckSwapped(char[] buf) {
        for (int i = 0; i < 16; i++) {
            if (!Chars.isAsciiDigit(buf[i])) {
                return false;
            }
        }
        return buf[16] == 'X' && Chars.isAsciiDigit(buf[17]);
    }

    private static boolean isShape18(char[] buf) {
        for (int i = 0; i < 17; i++) {
            if (!Chars.isAsciiDigit(buf[i])) {
                return false;
            }
        }
        char last = buf[17];
        return Chars.isAsciiDigit(last) || last == 'X';
    }

    private static boolean isValid(char[] chars) {
        for (int i = 0; i < 17; i++) {
            if (!Chars.isAsciiDigit(chars[i])) {
                return false;
            }
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (chars[i] - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11] == chars[17];
    }

    /** Check character of the first 17 characters, which the caller has verified to be ASCII digits. */
    private static char computeCheck(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    private static String convert15(String id15) {
        int sequence = digits(id15, 12, 3);
        StringBuilder sb = new StringBuilder(18);
        sb.append(id15, 0, 6).append(sequence >= 996 ? "18" : "19").append(id15, 6, 15);
        sb.append(computeCheck(sb));
        return sb.toString();
    }

    private static boolean allDigits(char[] buf, int n) {
        for (int i = 0; i < n; i++) {
            if (!Chars.isAsciiDigit(buf[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The non-negative number in {@code s[from, from+count)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!Chars.isAsciiDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2 -> {
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }
            case 4, 6, 9, 11 -> {
                return 30;
            }
            default -> {
                return 31;
            }
        }
    }
}
