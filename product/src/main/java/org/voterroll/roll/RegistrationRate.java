package org.voterroll.roll;

/**
 * summary.json's registrationRate: the listed ÷ the considered people not dead, not under 18 and not moved out (whatever else
 * keeps a person off the roll counts against the rate). One definition for the run's report and the province page.
 */
public final class RegistrationRate {
    /** The denominator, as a condition on table registration. */
    public static final String BASE = "reason IS NULL OR reason NOT IN ('DECEASED', 'UNDER_18', 'MOVED_OUT')";

    /** What the rate is, in the words of the pages. */
    public static final String MEANING = "登记率 = 名单人数 ÷ 本县考虑的人中除未满18周岁、死亡、迁出者以外的人数（与运行报告的登记率同一算法）";

    private RegistrationRate() {
    }
}
