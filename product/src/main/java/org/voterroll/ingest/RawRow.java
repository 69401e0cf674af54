package org.voterroll.ingest;

import org.voterroll.codes.Source;

/**
 * One data row of a delivery file, its values in the source's canonical header order
 * ({@link Source#headers()}), null where the file lacks that column or the row is short; {@code cells} the file row's
 * own cells in file order (its text); {@code sheet} the place of its sheet among the workbook's data sheets (0 for a
 * CSV), {@code kinds} what each value's cell held (null: text).
 */
public record RawRow(Source source, int fileNo, String fileName, int lineNo, String[] values, String[] cells,
                     int cellCount, int headerCount, int sheet, RowCursor.CellKind[] kinds) {

    public RawRow(Source source, int fileNo, String fileName, int lineNo, String[] values, String[] cells, int cellCount, int headerCount) {
        this(source, fileNo, fileName, lineNo, values, cells, cellCount, headerCount, 0, null);
    }

    /** The file row as RFC 4180 CSV text, for the rejects: made only for a row that is rejected, not for every row read. */
    public String raw() {
        return new RowCursor.Row(lineNo, cells).raw();
    }

    public String get(int canonicalIndex) {
        return values[canonicalIndex];
    }

    public RowCursor.CellKind kind(int canonicalIndex) {
        return kinds == null ? RowCursor.CellKind.TEXT : kinds[canonicalIndex];
    }
}
