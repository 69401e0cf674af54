package org.voterroll.ingest;

import java.time.LocalDate;
import java.time.YearMonth;

/** One accepted row, as it goes into src_record. Values are String, Integer, Long or LocalDate. */
public final class RecordRow {
    private final Object[] values = new Object[Column.ALL.size()];

    public RecordRow set(Column c, String v) { values[c.ordinal()] = (v == null || v.isEmpty()) ? null : v; return this; }
    public RecordRow set(Column c, LocalDate v) { values[c.ordinal()] = v; return this; }
    public RecordRow set(Column c, long v) { values[c.ordinal()] = v; return this; }
    public RecordRow set(Column c, int v) { values[c.ordinal()] = v; return this; }
    public RecordRow setMonth(Column c, YearMonth v) { values[c.ordinal()] = v == null ? null : v.toString(); return this; }

    public Object get(Column c) { return values[c.ordinal()]; }
}
