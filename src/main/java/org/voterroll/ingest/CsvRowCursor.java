package org.voterroll.ingest;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** RFC 4180 CSV (quoted commas and line breaks), UTF-8 with or without BOM, or GB18030. */
final class CsvRowCursor implements RowCursor {
    /** A line longer than this is not a record but a broken file; refuse it instead of filling memory. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header = new ArrayList<>();

    CsvRowCursor(Path file, TextEncoding.Detected encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (encoding.bom()) in.skipNBytes(3);
        Reader reader = new LineLengthGuard(new BufferedReader(new InputStreamReader(in, encoding.charset()), 1 << 16));
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
        Row first = next();
        if (first != null) {
            for (String cell : first.cells()) header.add(RowCursor.cleanHeader(cell));
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                String[] cells = record.values();
                if (isBlank(cells)) continue;
                int embeddedBreaks = 0;
                for (String c : cells) embeddedBreaks += countBreaks(c);
                int endLine = (int) parser.getCurrentLineNumber();
                return new Row(endLine - embeddedBreaks, cells, FORMAT.format((Object[]) cells));
            }
            return null;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException e) {
            throw new IOException("CSV 格式错误 (malformed CSV) near line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) if (!c.isBlank()) return false;
        return true;
    }

    private static int countBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Fails a file that has a line of more than {@link #MAX_LINE_CHARS} characters. */
    static final class LineLengthGuard extends FilterReader {
        private int sinceBreak;

        LineLengthGuard(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            track(c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) track(buf[off + i]);
            return n;
        }

        private void track(int c) throws IOException {
            if (c == '\n') {
                sinceBreak = 0;
            } else if (c >= 0 && ++sinceBreak > MAX_LINE_CHARS) {
                throw new IOException("一行超过 " + MAX_LINE_CHARS + " 个字符，文件已损坏 (a line longer than "
                        + MAX_LINE_CHARS + " characters: the file is broken or not CSV)");
            }
        }
    }
}
