package org.voterroll.rules;

/** Why a considered person is not listed (RULES.md), in the order of precedence of docs/decisions.md. */
public enum Reason {
    DECEASED("死亡"), UNDER_18("其他"), MOVED_OUT("迁出"), MILITARY("其他"), EMIGRATED("其他"), CANCELLED("其他"),
    DEPRIVED("剥夺政治权利"), SUSPENDED("停止行使选举权利"), UNABLE("不能行使选举权利"), REGISTERED_ELSEWHERE("外地登记"),
    NO_DISTRICT("其他");

    private final String removal;

    Reason(String removal) { this.removal = removal; }

    /** The 原因 of the 除名册 when a person on the previous roll is not listed for this reason. */
    public String removalReason() { return removal; }

    public boolean isRightsReason() {
        return this == DEPRIVED || this == SUSPENDED || this == UNABLE;
    }
}
