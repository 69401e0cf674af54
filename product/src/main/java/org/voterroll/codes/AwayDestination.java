package org.voterroll.codes;

/** tongji's 外出去向, for 外出. Load keeps the column's text as delivered (SOURCES.md lists these values, load has never refused others): a value off the list is none of these codes. */
public enum AwayDestination implements Code {
    IN_COUNTY("本县"), OTHER_COUNTY("外县"), ABROAD("境外");

    public static final CodeList<AwayDestination> LIST = new CodeList<>(Source.TONGJI, "外出去向", AwayDestination.class);

    private final String value;

    AwayDestination(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** Away from the county itself, not only from the surveyed address. */
    public boolean outsideCounty() {
        return this != IN_COUNTY;
    }
}
