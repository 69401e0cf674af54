package org.voterroll.ingest;

/** The columns of table src_record, in table order; {@link RecordRow} holds one value per column. */
public enum Column {
    REC_ID, SNAPSHOT_ID, SOURCE, FILE_NAME, LINE_NO, ROW_HASH,
    ID_RAW, ID_NUMBER, ID_STATUS, NAME, FORMER_NAME, SEX, BIRTH_DATE, BIRTH_MONTH,
    AREA_CODE, HOUSEHOLD_KEY, RELATION, ADDRESS, STATUS, STATUS_DATE,
    OTHER_AREA, OTHER_ADDRESS, START_DATE, END_DATE, KIND, REASON,
    ORG_NAME, ORG_CODE, ETHNIC, DOC_NO, REPAIRS;

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
