package org.voterroll.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;

/** Reads the rows of one delivery file, CSV or xlsx, one at a time. */
public interface RowCursor extends Closeable {

    /**
     * What a workbook cell held, where it decides whether its text can be trusted: a CSV cell is always text; an
     * identity number held as a number has lost its last digits (Excel keeps 15), a formula saved without its value
     * and an error value (#N/A) have no value at all.
     */
    enum CellKind { TEXT, NUMBER, FORMULA_WITHOUT_VALUE, ERROR }

    /**
     * A non-empty row: the physical line (CSV) or sheet row (xlsx) it starts on, its cells, and per cell what it held
     * ({@code kinds} null when every cell is text).
     */
    record Row(int lineNo, String[] cells, CellKind[] kinds) {
        public Row(int lineNo, String[] cells) {
            this(lineNo, cells, null);
        }

        public CellKind kind(int col) {
            return kinds == null || col >= kinds.length ? CellKind.TEXT : kinds[col];
        }

        /** The row's text as RFC 4180 CSV; made only when asked for (a rejected row's line), never for every row read. */
        public String raw() {
            return CSVFormat.RFC4180.format((Object[]) cells);
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
