package org.voterroll.identity.match;

import java.util.Map;

/** The outcome of comparing one field ({@link FieldWeight#outcome()}) in a clerk's words: the item page's weight chart. */
public final class Outcomes {
    private Outcomes() {}

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("EXACT", "相同"), Map.entry("WILDCARD", "生僻字以符号代替"), Map.entry("DOT_VARIANT", "间隔号写法不同"),
            Map.entry("HOMOPHONE", "同音字"), Map.entry("ONE_CHAR", "一字之差"), Map.entry("FORMER_NAME", "曾用名相同"),
            Map.entry("DIFFERENT", "不同"), Map.entry("AGREE", "相同"), Map.entry("DISAGREE", "不同"),
            Map.entry("SAME_DATE", "同年同月同日"), Map.entry("SAME_MONTH", "同年同月"), Map.entry("DAY_OFF", "相差一天"),
            Map.entry("EQUAL", "相同"), Map.entry("EQUAL_OTHER_NAME", "号码相同、姓名不同"), Map.entry("EQUAL_INVALID", "同一无效号码"),
            Map.entry("ONE_DIGIT", "一位之差"), Map.entry("ADJACENT_SWAP", "相邻两位颠倒"), Map.entry("NEAR", "相近"),
            Map.entry("SAME_VILLAGE", "同村（社区）"), Map.entry("SAME_TOWNSHIP", "同乡镇"), Map.entry("SAME_COUNTY", "同县"),
            Map.entry("SAME_HOUSEHOLD", "同户"), Map.entry("SAME_HOUSEHOLD_RELATION_CONFLICT", "同户但与户主关系矛盾"),
            Map.entry("SAME_DWELLING", "同一住址"), Map.entry("MISSING", "缺少，不计"));

    /** An outcome code in Chinese; an unknown one as it is (so a new outcome shows up rather than vanishes). */
    public static String label(String outcome) {
        return LABELS.getOrDefault(outcome, outcome);
    }
}
