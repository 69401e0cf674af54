package org.voterroll.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the rows of one delivery file, CSV or xlsx, one at a time. */
public interface RowCursor extends Closeable {

    /**
     * What a workbook cell held, where it decides whether its text can be trusted: a CSV cell is always text; an
     * identity number held as a number has lost its last digits (Excel keeps 15), a formula saved without its value
     * and an error value (#N/A) have no value at all.
     */
    enum CellKind { TEXT, NUMBER, FORMULA_WITHOUT_VALUE, ERROR }

    /**
     * A non-empty row: the physical line (CSV) or sheet row (xlsx) it starts on, its cells, its text, and per cell
     * what it held ({@code kinds} null when every cell is text).
     */
    record Row(int lineNo, String[] cells, String raw, CellKind[] kinds) {
        public Row(int lineNo, String[] cells, String raw) {
            this(lineNo, cells, raw, null);
        }

        public CellKind kind(int col) {
            return kinds == null || col >= kinds.length ? CellKind.TEXT : kinds[col];
        }
    }

    /** The header cells, trimmed; empty when the file has no rows at all. */
    List<String> header();

    /** The next non-empty row after the header, or null at the end. */
    Row next() throws IOException;

    /** A reference or output file, read by its name's extension (delivery files are read by content: {@link DeliveryScanner}). */
    static RowCursor open(Path file, TextEncoding.Detected encoding) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) return new XlsxRowCursor(file, 0);
        return new CsvRowCursor(file, encoding);
    }

    static String cleanHeader(String cell) {
        if (cell == null) return "";
        return cell.replace("\uFEFF", "").replace('\u3000', ' ').strip();
    }
}
