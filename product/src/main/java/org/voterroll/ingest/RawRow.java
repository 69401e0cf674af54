package org.voterroll.ingest;

import org.voterroll.codes.Source;

/**
 * One data row of a delivery file, its values in the source's canonical header order
 * ({@link Source#headers()}), null where the file lacks that column or the row is short; {@code sheet} the place of
 * its sheet among the workbook's data sheets (0 for a CSV), {@code kinds} what each value's cell held (null: text).
 */
public record RawRow(Source source, int fileNo, String fileName, int lineNo, String[] values, String raw,
                     int cellCount, int headerCount, int sheet, RowCursor.CellKind[] kinds) {

    public RawRow(Source source, int fileNo, String fileName, int lineNo, String[] values, String raw, int cellCount, int headerCount) {
        this(source, fileNo, fileName, lineNo, values, raw, cellCount, headerCount, 0, null);
    }

    public String get(int canonicalIndex) {
        return values[canonicalIndex];
    }

    public RowCursor.CellKind kind(int canonicalIndex) {
        return kinds == null ? RowCursor.CellKind.TEXT : kinds[canonicalIndex];
    }
}
