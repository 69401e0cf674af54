package org.voterroll.identity.match;

/** The fields compared by {@link PairScorer}, in the order they appear in a {@link MatchScore}. */
public enum Field {
    NAME("姓名"), SEX("性别"), BIRTH("出生日期"), ID_SHAPE("身份号码"), AREA("区划"), HOUSEHOLD("户"), ADDRESS("地址");

    private final String label;

    Field(String label) { this.label = label; }

    /** The field as a clerk reads it (the item page's weight chart). */
    public String label() { return label; }
}
