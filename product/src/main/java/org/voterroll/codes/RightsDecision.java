package org.voterroll.codes;

/** xuanwei's 类型: the rights decisions the election committee compiles; load rejects any other value. */
public enum RightsDecision implements Code {
    DEPRIVED("剥夺政治权利"), SUSPENDED("停止行使选举权利"), /** confirmed unable through mental illness */ UNABLE("不能行使选举权利"),
    RESTORED("恢复政治权利");

    public static final CodeList<RightsDecision> LIST = new CodeList<>(Source.XUANWEI, "类型", RightsDecision.class);

    private final String value;

    RightsDecision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
