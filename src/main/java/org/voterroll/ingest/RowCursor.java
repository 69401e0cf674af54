package org.voterroll.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the rows of one delivery file, CSV or xlsx, one at a time. */
public interface RowCursor extends Closeable {

    /** A non-empty row: the physical line (CSV) or sheet row (xlsx) it starts on, its cells, and its text. */
    record Row(int lineNo, String[] cells, String raw) {}

    /** The header cells, trimmed; empty when the file has no rows at all. */
    List<String> header();

    /** The next non-empty row after the header, or null at the end. */
    Row next() throws IOException;

    static RowCursor open(Path file, TextEncoding.Detected encoding) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) return new XlsxRowCursor(file);
        return new CsvRowCursor(file, encoding);
    }

    static String cleanHeader(String cell) {
        if (cell == null) return "";
        return cell.replace("\uFEFF", "").replace('\u3000', ' ').strip();
    }
}
