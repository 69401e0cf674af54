package org.voterroll.normalize;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Personal names (姓名). {@link #normalize(String)} is a hot path: a single character loop, no
 * regular expressions, and the traditional → simplified conversion is looked up in a lazily filled,
 * thread-safe per-character table so ICU's transliterator runs at most once per distinct character.
 */
public final class Names {

    public static final String REPAIR_SPACES = "去除空格";
    public static final String REPAIR_FULL_WIDTH = "全角字符转半角";
    public static final String REPAIR_TRADITIONAL = "繁体转简体";
    public static final String REPAIR_COMPATIBILITY = "兼容汉字转标准汉字";
    public static final String REPAIR_DOT = "间隔号统一";
    public static final String REPAIR_REPLACEMENT_CHAR = "乱码字符转通配符";

    /** The standard middle dot (间隔号) U+00B7. */
    public static final char MIDDLE_DOT = '\u00B7';

    private static final int F_SPACES = 1;
    private static final int F_FULL_WIDTH = 2;
    private static final int F_TRADITIONAL = 4;
    private static final int F_COMPATIBILITY = 8;
    private static final int F_DOT = 16;
    private static final int F_REPLACEMENT = 32;
    private static final String[] FLAG_TEXTS = {
        REPAIR_SPACES, REPAIR_FULL_WIDTH, REPAIR_TRADITIONAL, REPAIR_COMPATIBILITY, REPAIR_DOT, REPAIR_REPLACEMENT_CHAR
    };
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

    /**
     * Characters that ICU's Hant-Hans would change but that are standard characters of simplified
     * Chinese in their own right (通用规范汉字表 / GB 2312), e.g. the surname 於 (not 于), 乾 (乾坤, not
     * 干), 姊, 俱, 著, 藉, 瞭. Converting them would corrupt correctly written names.
     */
    private static final String KEEP_AS_IS = "乾俱吒夥姊於苎菸著藉跤阪麴麽瞭昇陞甦喆堃邨";

    /** Lazily filled BMP table: null = not looked up yet; otherwise the replacement text. */
    private static final String[] BMP_TABLE = new String[0x10000];
    private static final ConcurrentHashMap<Integer, String> SUPPLEMENTARY = new ConcurrentHashMap<>();
    private static final Object ICU_LOCK = new Object();
    private static Transliterator hantHans; // guarded by ICU_LOCK, created on first use

    private Names() {
    }

    /**
     * Normalises a name: trims; removes all whitespace (incl. U+3000, NBSP, zero-width characters);
     * full-width ASCII (letters, digits, ＊, ？) → half-width; traditional → simplified Chinese (ICU
     * "Hant-Hans", per character); CJK compatibility ideographs → unified ideographs; a middle-dot
     * variant (· • . ・ ･ ▪ ‧ ． ∙ ⋅, or a run of them) between two Han characters (or wildcards) →
     * U+00B7; keeps '*' and '?' as wildcards for rare characters; U+FFFD (a character lost in
     * decoding) → '?'.
     *
     * @throws InvalidValueException when {@code raw} is null or blank
     */
    public static Normalized<String> normalize(String raw) {
        if (raw == null) {
            throw new InvalidValueException("姓名为空 (empty name)");
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
            throw new InvalidValueException("姓名为空 (empty name)");
        }
        int flags = 0;
        boolean dots = false;
        StringBuilder sb = null; // created at the first change
        int i = start;
        while (i < end) {
            int cp = raw.codePointAt(i);
            int next = i + Character.charCount(cp);
            String replacement = null; // null = keep cp
            if (cp < 0x80) {
                if (cp == '.') {
                    dots = true;
                } else if (Chars.isBlank(cp)) {
                    flags |= F_SPACES;
                    replacement = "";
                }
            } else if (Chars.isBlank(cp)) {
                flags |= F_SPACES;
                replacement = "";
            } else if (isDotVariant(cp)) {
                dots = true;
            } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
                flags |= F_FULL_WIDTH;
                replacement = String.valueOf((char) Chars.halfWidth(cp));
            } else if (cp == 0xFFFD) {
                flags |= F_REPLACEMENT;
                replacement = "?";
            } else if (cp >= 0x2E80) {
                String mapped = simplified(cp);
                if (mapped != null) {
                    flags |= isCompatibilityIdeograph(cp) ? F_COMPATIBILITY : F_TRADITIONAL;
                    replacement = mapped;
                }
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(end - start);
                sb.append(raw, start, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i = next;
        }
        String name;
        if (sb != null) {
            name = sb.toString();
        } else if (start == 0 && end == raw.length()) {
            name = raw;
        } else {
            name = raw.substring(start, end);
        }
        if (dots) {
            String unified = unifyDots(name);
            if (unified != name) {
                flags |= F_DOT;
                name = unified;
            }
        }
        if (name.isEmpty()) {
            throw new InvalidValueException("姓名为空 (empty name)");
        }
        return new Normalized<>(name, REPAIR_LISTS[flags]);
    }

    /**
     * Removes every U+00B7 from a normalised name: the key under which 买买提·艾力 and 买买提艾力 agree.
     * Null stays null.
     */
    public static String withoutDots(String normalizedName) {
        if (normalizedName == null || normalizedName.indexOf(MIDDLE_DOT) < 0) {
            return normalizedName;
        }
        StringBuilder sb = new StringBuilder(normalizedName.length());
        for (int i = 0; i < normalizedName.length(); i++) {
            char c = normalizedName.charAt(i);
            if (c != MIDDLE_DOT) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- internals

    static boolean isDotVariant(int cp) {
        switch (cp) {
            case 0x00B7, 0x2022, '.', 0x30FB, 0xFF65, 0x25AA, 0x2027, 0xFF0E, 0x2219, 0x22C5 -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean isHanOrWildcard(int cp) {
        return cp == '*' || cp == '?' || (cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** CJK compatibility ideographs and Kangxi/CJK radicals, which NFKC maps to unified ideographs. */
    private static boolean isCompatibilityIdeograph(int cp) {
        return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F) || (cp >= 0x2E80 && cp <= 0x2FDF);
    }

    /**
     * Replaces every run of middle-dot variants that stands between two Han characters (or
     * wildcards) with a single U+00B7. Returns the same instance when nothing changes.
     */
    private static String unifyDots(String s) {
        StringBuilder sb = null;
        int len = s.length();
        int i = 0;
        while (i < len) {
            int cp = s.codePointAt(i);
            if (!isDotVariant(cp)) {
                if (sb != null) {
                    sb.appendCodePoint(cp);
                }
                i += Character.charCount(cp);
                continue;
            }
            int runEnd = i;
            while (runEnd < len && isDotVariant(s.charAt(runEnd))) {
                runEnd++;
            }
            boolean between = i > 0 && runEnd < len
                    && isHanOrWildcard(s.codePointBefore(i)) && isHanOrWildcard(s.codePointAt(runEnd));
            boolean alreadyStandard = runEnd - i == 1 && s.charAt(i) == MIDDLE_DOT;
            if (between && !alreadyStandard) {
                if (sb == null) {
                    sb = new StringBuilder(len);
                    sb.append(s, 0, i);
                }
                sb.append(MIDDLE_DOT);
            } else if (sb != null) {
                sb.append(s, i, runEnd);
            }
            i = runEnd;
        }
        return sb == null ? s : sb.toString();
    }

    /** The simplified replacement of a Han character, or null when it stays as it is. */
    private static String simplified(int cp) {
        if (cp < 0x10000) {
            String cached = BMP_TABLE[cp];
            if (cached == null) {
                cached = lookUp(cp);
                BMP_TABLE[cp] = cached; // racy but benign: Strings are immutable and the value is deterministic
            }
            return cached.isEmpty() ? null : cached;
        }
        String cached = SUPPLEMENTARY.get(cp);
        if (cached == null) {
            cached = lookUp(cp);
            SUPPLEMENTARY.put(cp, cached);
        }
        return cached.isEmpty() ? null : cached;
    }

    /** "" when the character stays, else its replacement. */
    private static String lookUp(int cp) {
        if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
            return "";
        }
        String original = new String(Character.toChars(cp));
        if (KEEP_AS_IS.indexOf(original) >= 0) {
            return "";
        }
        String unified = isCompatibilityIdeograph(cp)
                ? Normalizer2.getNFKCInstance().normalize(original) // thread-safe singleton
                : original;
        if (KEEP_AS_IS.contains(unified)) {
            return unified;
        }
        String result;
        synchronized (ICU_LOCK) {
            if (hantHans == null) {
                hantHans = Transliterator.getInstance("Hant-Hans");
            }
            result = hantHans.transliterate(unified);
        }
        return result.isEmpty() || result.equals(original) ? "" : result;
    }
}
