package org.voterroll.identity.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Comparison of normalised Chinese names: exact, unknown characters, middle dots, homophones
 * (同音字) and one-character differences; plus pinyin blocking keys.
 *
 * <p>Input names are already normalised (simplified characters, no spaces, middle dot U+00B7,
 * '*' or '?' for one unknown character). Characters are handled as Unicode code points, so rare
 * characters outside the BMP count as one character. Readings are cached per code point.
 */
public final class ChineseNames {

    /** The middle dot of minority names after normalisation. */
    public static final char MIDDLE_DOT = '\u00B7';

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V); // 吕 -> lv, 女 -> nv
    }

    /**
     * Surname readings pinyin4j 2.5.1 lacks. The readings the matching rules rely on (单 shan,
     * 曾 zeng, 区 ou, 仇 qiu, 解 xie, 查 zha, 朴 piao, and 尉 yu, 万 mo, 盖 ge, 缪 miao, 覃 qin,
     * 翟 zhai, 秘 bi, 乐 yue, 长 zhang, 召 shao, 祭 zhai, 句 gou, 车 ju, 殷 yan, 种 chong …)
     * are all present in pinyin4j (verified by ChineseNamesTest); only these are added.
     */
    private static final Map<Integer, List<String>> SURNAME_SUPPLEMENT = Map.of(
            (int) '能', List.of("nai"),  // surname 能 is read nài
            (int) '蕃', List.of("pi"),   // surname 蕃 is read pí
            (int) '黑', List.of("he"));  // surname 黑 is read hè

    /** Known two-character surnames (复姓): their blocking key is the reading of both characters. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
            "长孙", "宇文", "司徒", "夏侯", "端木", "独孤", "南宫", "西门", "呼延", "申屠");

    private static final Map<Integer, Set<String>> READINGS = new ConcurrentHashMap<>();

    private ChineseNames() {
    }

    // ------------------------------------------------------------------ readings

    /**
     * The toneless lowercase pinyin readings of {@code c}, most common first (pinyin4j order, then
     * the surname supplement). A character without a reading (non-Han, '*', '?', '·', digits,
     * Latin letters) yields the set of itself. The result is unmodifiable.
     */
    public static Set<String> readings(char c) {
        return readings((int) c);
    }

    /** {@link #readings(char)} for any code point, including rare characters outside the BMP. */
    public static Set<String> readings(int codePoint) {
        Set<String> cached = READINGS.get(codePoint);
        if (cached != null) {
            return cached;
        }
        return READINGS.computeIfAbsent(codePoint, ChineseNames::computeReadings);
    }

    private static Set<String> computeReadings(int cp) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (Character.isBmpCodePoint(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            try {
                String[] r = PinyinHelper.toHanyuPinyinStringArray((char) cp, FORMAT);
                if (r != null) {
                    for (String s : r) {
                        if (s != null && !s.isEmpty()) {
                            out.add(s);
                        }
                    }
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException("pinyin format", e); // cannot happen for this format
            }
            List<String> extra = SURNAME_SUPPLEMENT.get(cp);
            if (extra != null) {
                out.addAll(extra);
            }
        }
        if (out.isEmpty()) {
            return Set.of(new String(Character.toChars(cp)));
        }
        return Collections.unmodifiableSet(out);
    }

    static boolean isWildcard(int cp) {
        return cp == '*' || cp == '?';
    }

    static boolean shareReading(int a, int b) {
        Set<String> ra = readings(a);
        Set<String> rb = readings(b);
        if (ra.size() > rb.size()) {
            Set<String> t = ra;
            ra = rb;
            rb = t;
        }
        for (String r : ra) {
            if (rb.contains(r)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ comparison

    /**
     * How {@code a} and {@code b} agree: the first applicable category in the order of
     * {@link NameAgreement}. Symmetric. Both names must be non-null.
     */
    public static NameAgreement compare(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b) && !hasWildcard(a)) {
            return NameAgreement.EXACT;
        }
        int[] x = codePointsWithoutDots(a);
        int[] y = codePointsWithoutDots(b);
        if (x.length != y.length) {
            return NameAgreement.DIFFERENT;
        }
        int wild = 0;
        int homophone = 0;
        int other = 0;
        for (int i = 0; i < x.length; i++) {
            int p = x[i];
            int q = y[i];
            if (isWildcard(p) || isWildcard(q)) {
                wild++;
            } else if (p != q) {
                if (shareReading(p, q)) {
                    homophone++;
                } else if (++other > 1) {
                    return NameAgreement.DIFFERENT;
                }
            }
        }
        if (other == 1) {
            return NameAgreement.ONE_CHAR;
        }
        if (homophone > 0) {
            return NameAgreement.HOMOPHONE;
        }
        if (wild > 0) {
            return NameAgreement.WILDCARD;
        }
        // identical apart from dots (a.equals(b) without wildcards was caught above)
        return NameAgreement.DOT_VARIANT;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    private static int[] codePointsWithoutDots(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == MIDDLE_DOT || Character.isSurrogate(c)) {
                return s.codePoints().filter(cp -> cp != MIDDLE_DOT).toArray();
            }
        }
        // the common case, compared millions of times a run: characters of the BMP, no dot
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.charAt(i);
        }
        return out;
    }

    // ------------------------------------------------------------------ keys

    /**
     * Blocking keys of a name: all toneless readings of the surname, sorted. The surname is the
     * first character, or the first two for a known compound surname (欧阳, 司马, …) when the name
     * has at least three characters (a two-character name 欧阳 is surname 欧 + given name 阳); a
     * compound surname's keys are every combination of its two characters' readings (尉迟 →
     * [weichi, yuchi]). A name starting with '*' or '?' yields {@code ["*"]}; a null or empty name
     * yields no key. Middle dots are ignored.
     */
    public static List<String> surnameKeys(String name) {
        if (name == null) {
            return List.of();
        }
        int[] cps = codePointsWithoutDots(name.strip());
        if (cps.length == 0) {
            return List.of();
        }
        if (isWildcard(cps[0])) {
            return List.of("*");
        }
        TreeSet<String> keys = new TreeSet<>();
        if (cps.length >= 3 && !isWildcard(cps[1])
                && COMPOUND_SURNAMES.contains(new String(cps, 0, 2))) {
            for (String r1 : readings(cps[0])) {
                for (String r2 : readings(cps[1])) {
                    keys.add(r1 + r2);
                }
            }
        } else {
            keys.addAll(readings(cps[0]));
        }
        return List.copyOf(keys);
    }

    /**
     * One reading per character (the first, most common one), separated by spaces, dots removed,
     * for display and debugging: 买买提·艾力 → {@code "mai mai ti ai li"}; unknown characters stay
     * '*' / '?'. Null yields the empty string.
     */
    public static String phoneticKey(String name) {
        if (name == null) {
            return "";
        }
        int[] cps = codePointsWithoutDots(name.strip());
        StringBuilder key = new StringBuilder(cps.length * 5);
        for (int cp : cps) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(readings(cp).iterator().next());
        }
        return key.toString();
    }

    /** True when {@code name} starts with a known compound surname (and has a given name). */
    public static boolean hasCompoundSurname(String name) {
        if (name == null) {
            return false;
        }
        int[] cps = codePointsWithoutDots(name.strip());
        return cps.length >= 3 && COMPOUND_SURNAMES.contains(new String(cps, 0, 2));
    }
}
