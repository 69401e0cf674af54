package org.voterroll.properties;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;

/**
 * The generator's own arithmetic of identity numbers and the ways SOURCES.md says names, numbers and dates arrive.
 * Written from SOURCES.md, not taken from the engine: the tests hold the engine against it.
 */
final class Spelling {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** given-name characters with a homophone that a clerk may type instead (same reading, another character) */
    static final Map<Character, Character> HOMOPHONES = Map.ofEntries(
            Map.entry('伟', '炜'), Map.entry('丽', '莉'), Map.entry('杰', '洁'), Map.entry('军', '君'), Map.entry('华', '桦'),
            Map.entry('明', '铭'), Map.entry('红', '虹'), Map.entry('静', '婧'), Map.entry('涛', '韬'), Map.entry('勇', '永'),
            Map.entry('芳', '方'), Map.entry('敏', '民'), Map.entry('磊', '垒'), Map.entry('建', '健'), Map.entry('平', '萍'),
            Map.entry('东', '冬'), Map.entry('燕', '艳'), Map.entry('强', '蔷'));
    /** simplified → traditional, for the characters the generator's names use that have a traditional form */
    static final Map<Character, Character> TRADITIONAL = Map.ofEntries(
            Map.entry('张', '張'), Map.entry('陈', '陳'), Map.entry('刘', '劉'), Map.entry('赵', '趙'), Map.entry('黄', '黃'),
            Map.entry('吴', '吳'), Map.entry('孙', '孫'), Map.entry('马', '馬'), Map.entry('郑', '鄭'), Map.entry('伟', '偉'),
            Map.entry('丽', '麗'), Map.entry('杰', '傑'), Map.entry('军', '軍'), Map.entry('华', '華'), Map.entry('红', '紅'),
            Map.entry('静', '靜'), Map.entry('涛', '濤'), Map.entry('东', '東'), Map.entry('强', '強'), Map.entry('买', '買'));
    static final String SURNAMES = "王张李陈刘赵黄周吴孙马郑";
    static final String MALE_GIVEN = "伟杰军华明强涛勇磊建东平";
    static final String FEMALE_GIVEN = "丽红静芳敏燕华平";
    static final String RARE = "喆堃淼赟犇";
    static final String[] MINORITY_MALE = {"买买提·艾力", "艾力·托合提", "阿不都·哈斯木"};
    static final String[] MINORITY_FEMALE = {"古丽·托合提", "米娜·吾斯曼", "阿依古丽·卡德尔"};
    private static final String[] DOTS = {"•", ".", "・", "▪", ""};
    private static final String[] DATE_FORMATS = {"yyyyMMdd", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"};
    private static final String[] MONTH_FORMATS = {"yyyyMM", "yyyy-MM", "yyyy年M月"};

    private Spelling() {}

    static char check(String first17) {
        int s = 0;
        for (int i = 0; i < 17; i++) s += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(s % 11);
    }

    static boolean valid(String n) {
        if (n.length() != 18) return false;
        for (int i = 0; i < 17; i++) if (n.charAt(i) < '0' || n.charAt(i) > '9') return false;
        return check(n.substring(0, 17)) == n.charAt(17);
    }

    static String number(String area, LocalDate birth, int seq) {
        String s = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return s + check(s);
    }

    /** The legacy form: two-digit year, no check digit (only for people born 1900–1999). */
    static String legacy15(String n) {
        return n.substring(0, 6) + n.substring(8, 17);
    }

    static boolean hasLegacyForm(String n) {
        return n.startsWith("19", 6) || (n.startsWith("18", 6) && n.substring(14, 17).compareTo("996") >= 0);
    }

    /** The legacy form of {@code n} with one of its 15 digits wrong: no check digit tells. */
    static String legacyTypo(String n, Random r) {
        String l = legacy15(n);
        int p = r.nextInt(15);
        char c;
        do c = (char) ('0' + r.nextInt(10)); while (c == l.charAt(p));
        return l.substring(0, p) + c + l.substring(p + 1);
    }

    /** One character wrong (the check digit too, an {@code X} included); the result always fails the check digit. */
    static String typo(String n, Random r) {
        int p = r.nextInt(18);
        String alphabet = p == 17 ? "0123456789X" : "0123456789";
        char c;
        do c = alphabet.charAt(r.nextInt(alphabet.length())); while (c == n.charAt(p));
        return n.substring(0, p) + c + n.substring(p + 1);
    }

    /** Two adjacent characters swapped, the check digit (and an {@code X}) with the one before it too; always invalid. */
    static String swap(String n, Random r) {
        for (int tries = 0; tries < 100; tries++) {
            int p = tries < 2 && n.charAt(17) == 'X' && r.nextBoolean() ? 16 : r.nextInt(17);
            if (n.charAt(p) == n.charAt(p + 1)) continue;
            String s = n.substring(0, p) + n.charAt(p + 1) + n.charAt(p) + n.substring(p + 2);
            if (!valid(s)) return s;
        }
        return typo(n, r);
    }

    /** Full-width digits, a space or {@code -} inside, a lower-case {@code x}, spaces around. */
    static String wide(String n, Random r) {
        StringBuilder b = new StringBuilder();
        boolean full = r.nextBoolean();
        int cut = 6 + r.nextInt(8);
        String sep = switch (r.nextInt(3)) { case 0 -> " "; case 1 -> "-"; default -> "　"; };
        for (int i = 0; i < n.length(); i++) {
            if (i == cut) b.append(sep);
            char c = n.charAt(i);
            if (c == 'X') b.append(r.nextBoolean() ? 'x' : 'X');
            else b.append(full && c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
        }
        return (r.nextBoolean() ? " " : "") + b + (r.nextBoolean() ? " " : "");
    }

    /** One given-name character replaced by its homophone; null when the name has none. */
    static String homophone(String name, Random r) {
        if (name.length() < 2) return null;
        int start = r.nextInt(name.length() - 1);
        for (int k = 0; k < name.length() - 1; k++) {
            int i = 1 + (start + k) % (name.length() - 1);
            Character h = HOMOPHONES.get(name.charAt(i));
            if (h != null) return name.substring(0, i) + h + name.substring(i + 1);
        }
        return null;
    }

    static String traditional(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) b.append(TRADITIONAL.getOrDefault(c, c));
        return b.toString();
    }

    static String dots(String name, Random r) {
        return name.replace("·", DOTS[r.nextInt(DOTS.length)]);
    }

    static String wildcard(String name, Random r) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) b.append(RARE.indexOf(c) >= 0 ? (r.nextBoolean() ? '*' : '?') : c);
        return b.toString();
    }

    static String spaced(String name, Random r) {
        if (name.length() < 2) return name;
        int i = 1 + r.nextInt(name.length() - 1);
        return (r.nextBoolean() ? " " : "") + name.substring(0, i) + (r.nextBoolean() ? " " : "　") + name.substring(i);
    }

    static String date(LocalDate d, boolean messy, Random r) {
        if (d == null) return "";
        return d.format(DateTimeFormatter.ofPattern(messy ? DATE_FORMATS[r.nextInt(DATE_FORMATS.length)] : "yyyy-MM-dd"));
    }

    static String month(LocalDate d, boolean messy, Random r) {
        return d.format(DateTimeFormatter.ofPattern(messy ? MONTH_FORMATS[r.nextInt(MONTH_FORMATS.length)] : "yyyyMM"));
    }

    static String sex(boolean male, boolean messy, Random r) {
        if (messy && r.nextBoolean()) return male ? "1" : "2";
        return male ? "男" : "女";
    }
}
