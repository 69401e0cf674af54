package org.voterroll.exceptions;

/** What a township decided about an exception. */
public enum Verdict {
    SAME_PERSON("同一人"), DIFFERENT("不同人"), CONFIRM_DEATH("确认死亡"), CHOOSE_DISTRICT("指定选区"), DISMISS("忽略");

    private final String label;

    Verdict(String label) { this.label = label; }

    public String label() { return label; }
}
