package org.voterroll.codes;

/** shebao's 参保状态; load rejects any other value. */
public enum InsuranceStatus implements Code {
    PAYING("参保缴费"), PAUSED("暂停缴费"), ENDED("终止参保");

    public static final CodeList<InsuranceStatus> LIST = new CodeList<>(Source.SHEBAO, "参保状态", InsuranceStatus.class);

    private final String value;

    InsuranceStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
