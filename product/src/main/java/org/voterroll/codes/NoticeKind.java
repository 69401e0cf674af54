package org.voterroll.codes;

/** waidi's 类型: the notices exchanged with other counties' election committees; load rejects any other value. */
public enum NoticeKind implements Code {
    /** A person registered in this county has registered as a voter in another county. */
    REGISTERED_ELSEWHERE("已在外地登记"),
    /** A person registered elsewhere presents proof of voter qualification from their home district. */
    PROOF("原选区资格证明");

    public static final CodeList<NoticeKind> LIST = new CodeList<>(Source.WAIDI, "类型", NoticeKind.class);

    private final String value;

    NoticeKind(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
