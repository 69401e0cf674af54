package org.voterroll.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An xlsx source that rolls over to further parts ({@code <name>_part2.xlsx}, …) before a sheet would exceed
 * {@link #MAX_ROWS} rows (Excel's limit is 1 048 576): SOURCES.md lets a source deliver several files.
 */
final class XlsxParts implements Closeable {
    static final int MAX_ROWS = 1_000_000;

    private final Path dir;
    private final String base;
    private final String sheetName;
    private final String[] header;
    private final int maxRows;
    private final Map<String, long[]> perFile = new LinkedHashMap<>();
    private XlsxOut current;
    private int part = 1;
    private RecordTruth records;
    long rows;
    long junk;

    XlsxParts(Path dir, String base, String sheetName, String[] header) {
        this(dir, base, sheetName, header, MAX_ROWS);
    }

    XlsxParts(Path dir, String base, String sheetName, String[] header, int maxRows) {
        this.maxRows = maxRows;
        this.dir = dir;
        this.base = base;
        this.sheetName = sheetName;
        this.header = header;
        this.current = new XlsxOut(dir.resolve(base + ".xlsx"), sheetName, header);
    }

    XlsxParts recordTo(RecordTruth records) {
        this.records = records;
        current.recordTo(records);
        return this;
    }

    private XlsxOut out() {
        if (current.rows >= maxRows) {
            try {
                close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            current = new XlsxOut(dir.resolve(base + "_part" + (++part) + ".xlsx"), sheetName, header).recordTo(records);
        }
        return current;
    }

    void row(Object... cells) {
        out().row(cells);
        rows++;
    }

    void junkRow(Object... cells) {
        out().junkRow(cells);
        rows++;
        junk++;
    }

    void blank() {
        out().blank();
    }

    /** rows and junk rows of every file written */
    Map<String, long[]> perFile() {
        return perFile;
    }

    @Override
    public void close() throws IOException {
        if (current != null && !perFile.containsKey(current.fileName)) {
            perFile.put(current.fileName, new long[] {current.rows, current.junk});
            current.close();
        }
    }
}
