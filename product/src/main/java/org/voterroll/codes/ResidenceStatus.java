package org.voterroll.codes;

/** tongji's 居住状态: lives at the surveyed address, or registered there but away for 6 months or more; load rejects any other value. */
public enum ResidenceStatus implements Code {
    RESIDENT("常住"), AWAY("外出");

    public static final CodeList<ResidenceStatus> LIST = new CodeList<>(Source.TONGJI, "居住状态", ResidenceStatus.class);

    private final String value;

    ResidenceStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
