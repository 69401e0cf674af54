package org.voterroll.codes;

/** chaiqian's 安置方式: a new home, or paid without one; load rejects any other value. */
public enum ResettlementMode implements Code {
    NEW_HOME("产权调换"), CASH("货币补偿");

    public static final CodeList<ResettlementMode> LIST = new CodeList<>(Source.CHAIQIAN, "安置方式", ResettlementMode.class);

    private final String value;

    ResettlementMode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
