package org.voterroll.ingest;

import java.util.List;

/**
 * The columns of table src_record, in table order; {@link RecordRow} holds one value per column. {@code size} is the
 * column's width in the schema (V2__voter_roll.sql), 0 for a number or a date: a longer value is a rejected row, not
 * an SQL error that stops the night.
 */
public enum Column {
    REC_ID(0, null), SNAPSHOT_ID(0, null), SOURCE(20, null), FILE_NAME(500, "文件名 (file name)"), LINE_NO(0, null), ROW_HASH(32, null),
    ID_RAW(100, "身份号码 (identity number)"), ID_NUMBER(18, null), ID_STATUS(10, null), NAME(100, "姓名 (name)"),
    FORMER_NAME(100, "曾用名 (former name)"), SEX(1, null), BIRTH_DATE(0, null), BIRTH_MONTH(7, null),
    AREA_CODE(12, null), HOUSEHOLD_KEY(100, "户号 (household number)"), RELATION(20, "与户主关系 (relation to the head)"),
    ADDRESS(500, "地址 (address)"), STATUS(20, null), STATUS_DATE(0, null),
    OTHER_AREA(12, null), OTHER_ADDRESS(500, "安置地址 (new address)"), START_DATE(0, null), END_DATE(0, null),
    KIND(40, "类型或事由 (type or reason)"), REASON(40, "原因或去向 (reason or destination)"),
    ORG_NAME(200, "单位、项目或机关名称 (organisation or project)"), ORG_CODE(40, "统一社会信用代码 (credit code)"),
    ETHNIC(20, "民族 (ethnic group)"), DOC_NO(200, "文号 (document number)"), REPAIRS(1000, null);

    /** {@link #values()} once: it copies the array at every call, and every row asks for it. */
    public static final List<Column> ALL = List.of(values());

    private final int size;
    private final String label;

    Column(int size, String label) {
        this.size = size;
        this.label = label;
    }

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The schema's width, 0 when the column holds no text. */
    public int size() {
        return size;
    }

    /** What a clerk calls the value, for a column a delivery's text goes into unchecked; null where normalising bounds it. */
    public String label() {
        return label;
    }
}
