package org.voterroll.roll;

import java.util.Map;

/** What a clerk reads for the codes of a run: exception types and source states, in Chinese (report.html). */
public final class Labels {
    private Labels() {}

    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("ID_INVALID", "号码无效"), Map.entry("ID_SHARED", "重号"), Map.entry("PERSON_MULTI_RECORD", "疑似一人多户"),
            Map.entry("MATCH_REVIEW", "关联待核对"), Map.entry("DEATH_REVIEW", "死亡待核实"), Map.entry("DEATH_CONFLICT", "死亡信息与户籍不符"),
            Map.entry("RESIDENCE_CONFLICT", "安置地与居住地不一致"), Map.entry("NO_DISTRICT", "无选区"),
            Map.entry("INMIGRANT_ELIGIBLE", "流入人员可登记"), Map.entry("CROSS_COUNTY_DUPLICATE", "跨县重复登记"),
            Map.entry("CERTIFICATE_REQUEST", "原选区资格证明申请"));

    private static final Map<String, String> SOURCE_STATES = Map.of(
            "FRESH", "本次送达", "PREVIOUS", "沿用上次快照", "NONE", "无可用数据");

    /** Every exception type of RULES.md. */
    public static java.util.Set<String> exceptionCodes() {
        return EXCEPTIONS.keySet();
    }

    /** An exception type (RULES.md code) in Chinese; an unknown code as it is. */
    public static String exception(String code) {
        return EXCEPTIONS.getOrDefault(code, code);
    }

    public static String sourceState(String state) {
        return SOURCE_STATES.getOrDefault(state, state);
    }

    /** A ratio as the report writes every percentage: 0.98554 -> "98.55 %". */
    public static String percent(Number ratio) {
        return ratio == null ? "" : String.format(java.util.Locale.ROOT, "%.2f %%", ratio.doubleValue() * 100);
    }
}
