package org.voterroll.rules;

/** Why a considered person is not listed (RULES.md), in the order of precedence of docs/decisions.md. */
public enum Reason {
    DECEASED("死亡", "死亡"), UNDER_18("其他", "未满十八周岁"), MOVED_OUT("迁出", "户口迁出本县"), MILITARY("其他", "服兵役"),
    EMIGRATED("其他", "出国定居"), CANCELLED("其他", "户口注销"), DEPRIVED("剥夺政治权利", "剥夺政治权利"),
    SUSPENDED("停止行使选举权利", "停止行使选举权利"), UNABLE("不能行使选举权利", "不能行使选举权利"),
    REGISTERED_ELSEWHERE("外地登记", "已在外地登记"), NO_DISTRICT("其他", "无选区");

    private final String removal;
    private final String label;

    Reason(String removal, String label) {
        this.removal = removal;
        this.label = label;
    }

    /** The reason in the words of a clerk (report.html). */
    public String label() { return label; }

    /** The 原因 of the 除名册 when a person on the previous roll is not listed for this reason. */
    public String removalReason() { return removal; }

    public boolean isRightsReason() {
        return this == DEPRIVED || this == SUSPENDED || this == UNABLE;
    }
}
