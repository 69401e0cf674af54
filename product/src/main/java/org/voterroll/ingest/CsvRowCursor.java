package org.voterroll.ingest;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV (quoted commas and line breaks), UTF-8 with or without BOM, or GB18030; line ends {@code \r\n},
 * {@code \n} or a lone {@code \r}. Bytes invalid in the encoding become U+FFFD, which {@link RecordMapper} rejects.
 */
final class CsvRowCursor implements RowCursor {
    /** A line (or a record) longer than this is not a record but a broken file; refuse it instead of filling memory. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final CSVParser parser;
    private final RecordGuard guard;
    private final Iterator<CSVRecord> records;
    private final List<String> header = new ArrayList<>();

    CsvRowCursor(Path file, TextEncoding.Detected encoding) throws IOException {
        this(file, encoding, false);
    }

    /** A delivery file is never read through a symbolic link: a link put into the inbox after the scan would be read as data. */
    CsvRowCursor(Path file, TextEncoding.Detected encoding, boolean delivery) throws IOException {
        InputStream in = delivery ? Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS) : Files.newInputStream(file);
        if (encoding.bom()) in.skipNBytes(3);
        this.guard = new RecordGuard(new BufferedReader(new InputStreamReader(in, encoding.charset()), 1 << 16));
        this.parser = CSVParser.builder().setReader(guard).setFormat(FORMAT).get();
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
                for (int i = 0; i < cells.length; i++) {
                    embeddedBreaks += countBreaks(cells[i]);
                    // a byte-order mark inside the file (two files joined) is no character of the data
                    if (cells[i].indexOf('\uFEFF') >= 0) cells[i] = cells[i].replace("\uFEFF", "");
                }
                int endLine = (int) parser.getCurrentLineNumber();
                return new Row(endLine - embeddedBreaks, cells);
            }
            return null;
        } catch (java.io.UncheckedIOException e) {
            throw malformed(e.getCause());
        } catch (IllegalStateException e) {
            throw malformed(e);
        }
    }

    /** The parser's complaint, at the line where the broken quoting starts rather than where the parser gave up. */
    private IOException malformed(Exception e) {
        if (e instanceof RecordGuard.TooLong tooLong) return tooLong;
        long gaveUp = parser.getCurrentLineNumber();
        int start = guard.problemLine();
        if (start > 0) {
            return new IOException("CSV 格式错误：第 " + start + " 行的引号没有正确闭合 (malformed CSV: the quote opened on line " + start
                    + " is not closed properly; the reader gave up at line " + gaveUp + "). 请修正该行的引号后重新交付 (fix the quoting on line "
                    + start + " and deliver the file again)", e);
        }
        return new IOException("CSV 格式错误 (malformed CSV) near line " + gaveUp + ": " + e.getMessage(), e);
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) if (!c.isBlank()) return false;
        return true;
    }

    /** Line breaks as the parser counts them: {@code \r\n}, {@code \n} and a lone {@code \r} are one each. */
    private static int countBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) n++;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Follows the text as a CSV lexer would (quoted fields open only at a field's start, {@code ""} is an escaped quote):
     * fails a file with a line, or a record, of more than {@link #MAX_LINE_CHARS} characters, and remembers the line on
     * which a quoted field opened that is never closed or is followed by stray characters, for the message.
     */
    static final class RecordGuard extends FilterReader {
        /** The file is refused: a line or a record too long. */
        static final class TooLong extends IOException {
            TooLong(String message) {
                super(message);
            }
        }

        private final CsvQuoting quoting = new CsvQuoting();
        private int line = 1;
        private int quoteLine;
        private int problemLine;
        private boolean lastWasCr;
        private int sinceBreak;
        private int inRecord;

        RecordGuard(Reader in) {
            super(in);
        }

        /** The line where a broken quoted field opened, or 0. */
        int problemLine() {
            if (problemLine == 0 && quoting.inQuotes()) return quoteLine;
            return problemLine;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) track((char) c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) track(buf[off + i]);
            return n;
        }

        private void track(char c) throws IOException {
            boolean cr = c == '\r';
            boolean lf = c == '\n';
            boolean lfAfterCr = lf && lastWasCr;
            lastWasCr = cr;
            if ((cr || lf) && !lfAfterCr) line++;
            switch (quoting.next(c)) {
                case QUOTE_OPENED -> quoteLine = line;
                case TEXT_AFTER_QUOTE -> {
                    if (problemLine == 0) problemLine = quoteLine;
                }
                case NONE -> { }
            }
            boolean recordEnds = (cr || lf) && quoting.atFieldStart();
            if (cr || lf) {
                sinceBreak = 0;
            } else if (++sinceBreak > MAX_LINE_CHARS) {
                throw new TooLong("一行超过 " + MAX_LINE_CHARS + " 个字符，文件已损坏 (a line longer than "
                        + MAX_LINE_CHARS + " characters at line " + line + ": the file is broken or not CSV)");
            }
            if (recordEnds) {
                inRecord = 0;
            } else if (++inRecord > MAX_LINE_CHARS) {
                throw new TooLong("第 " + quoteLine + " 行开始的引号超过 " + MAX_LINE_CHARS + " 个字符仍未闭合 (the quote opened on line "
                        + quoteLine + " is still open after " + MAX_LINE_CHARS + " characters: fix the quoting on that line and deliver again)");
            }
        }
    }
}
