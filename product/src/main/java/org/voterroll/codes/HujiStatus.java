package org.voterroll.codes;

/** huji's 人员状态: the police register's state of a person; load rejects any other value. */
public enum HujiStatus implements Code {
    NORMAL("正常"), DECEASED("死亡"), MOVED_OUT("迁出"), MILITARY("服兵役"), EMIGRATED("出国定居"), CANCELLED("注销");

    public static final CodeList<HujiStatus> LIST = new CodeList<>(Source.HUJI, "人员状态", HujiStatus.class);

    private final String value;

    HujiStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
