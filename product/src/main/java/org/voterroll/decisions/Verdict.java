package org.voterroll.decisions;

/** What a township decided about an exception. */
public enum Verdict {
    SAME_PERSON("同一人", "下次运行把这些记录作为同一人，按合并后的情况列入或除名；此事项不再出现"),
    DIFFERENT("不同人", "下次运行把他们作为不同的人分别处理，不再据此关联；此事项不再出现"),
    CONFIRM_DEATH("确认死亡", "下次运行按死亡除名（除名册原因“死亡”）；此事项不再出现"),
    CHOOSE_DISTRICT("指定选区", "下次运行把此人列入指定的选区（登记依据“乡镇指定”）；此事项不再出现"),
    DISMISS("忽略", "下次运行不作任何改变；同样的证据不再提出此事项"),
    /** A home county's answer to a CERTIFICATE_REQUEST of a province run: the certificate goes to the asking county. */
    ISSUE_CERTIFICATE("出具原选区资格证明", "下次省级运行把原选区资格证明送交对方县，对方县此后的运行凭证明将其列入，本县收到已在外地登记通知后将其除名；此事项不再出现"),
    REFUSE_CERTIFICATE("不予出具", "不出具原选区资格证明，对方县不能凭本县证明将其列入；同样的证据不再提出此事项"),
    /**
     * A county's answer to a CROSS_COUNTY_DUPLICATE of a province run: the person stays on this county's roll, the other county is
     * to strike them (its own item stays open until it decides).
     */
    KEEP_HERE("本县保留（对方县核减）", "本县名单不变，仍列入此人；对方县的同一事项待对方县决定，对方县核减后不再出现；两县都选择保留时，两县重新收到此事项"),
    /** The other answer: this county strikes the person (已在外地登记) on its next run, while the other county still lists them. */
    REMOVE_HERE("本县核减（已在对方县登记）", "下次运行不再列入此人（除名册原因“外地登记”），只要对方县的名单仍列入此人；两县都选择核减时两县均不除名，两县重新收到此事项");

    private final String label;
    private final String effect;

    Verdict(String label, String effect) {
        this.label = label;
        this.effect = effect;
    }

    public String label() { return label; }

    /** What the next run does with this decision, in the words of the decision page. */
    public String effect() { return effect; }
}
