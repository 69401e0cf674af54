package org.voterroll.ingest;

/**
 * One data row of a delivery file, its values in the source's canonical header order
 * ({@link Source#headers()}), null where the file lacks that column or the row is short.
 */
public record RawRow(Source source, int fileNo, String fileName, int lineNo, String[] values, String raw,
                     int cellCount, int headerCount) {
    public String get(int canonicalIndex) {
        return values[canonicalIndex];
    }
}
