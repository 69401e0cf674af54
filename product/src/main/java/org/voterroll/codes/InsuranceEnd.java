package org.voterroll.codes;

/** shebao's 终止原因, for 终止参保. Load keeps the column's text as delivered (SOURCES.md lists these values, load has never refused others): a value off the list is none of these codes. */
public enum InsuranceEnd implements Code {
    DEATH("死亡"), TRANSFERRED("转出"), OTHER("其他");

    public static final CodeList<InsuranceEnd> LIST = new CodeList<>(Source.SHEBAO, "终止原因", InsuranceEnd.class);

    private final String value;

    InsuranceEnd(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
