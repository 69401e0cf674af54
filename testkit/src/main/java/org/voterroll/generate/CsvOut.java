package org.voterroll.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** RFC 4180 writer: quotes a field only when it needs it (or when asked to quote a whole row). */
final class CsvOut implements Closeable {
    private final Writer w;
    private final String eol;
    private final StringBuilder line = new StringBuilder(256);
    final String fileName;
    long rows;
    long junk;
    /** the physical line (1 = header) the next line written starts on */
    private long nextLine = 1;
    /** where inbox rows are recorded for truth/records.csv (null: not an inbox file) */
    private RecordTruth records;

    CsvOut(Path path, Charset cs, boolean bom, String eol, String[] header, boolean spacedHeader) throws IOException {
        this.fileName = path.getFileName().toString();
        this.w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), cs), 1 << 16);
        this.eol = eol;
        if (bom) {
            w.write('\uFEFF');
        }
        String[] h = header.clone();
        if (spacedHeader) {
            for (int i = 0; i < h.length; i += 2) {
                h[i] = " " + h[i] + " ";
            }
        }
        write(false, h);
        rows = 0;
    }

    /** records every data row written from now on in {@code records} */
    CsvOut recordTo(RecordTruth records) {
        this.records = records;
        return this;
    }

    void row(String... f) {
        long at = write(false, f);
        if (records != null) {
            records.row(fileName, at);
        }
    }

    void rowAllQuoted(String... f) {
        long at = write(true, f);
        if (records != null) {
            records.row(fileName, at);
        }
    }

    void junkRow(String... f) {
        long at = write(false, f);
        junk++;
        if (records != null) {
            records.junk(fileName, at);
        }
    }

    void blank() {
        try {
            nextLine++;
            w.write(eol);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** writes one record; returns the physical line it starts on */
    private long write(boolean quoteAll, String[] f) {
        line.setLength(0);
        for (int i = 0; i < f.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = f[i] == null ? "" : f[i];
            if (quoteAll || needsQuote(v)) {
                line.append('"');
                for (int j = 0; j < v.length(); j++) {
                    char c = v.charAt(j);
                    if (c == '"') {
                        line.append('"');
                    }
                    line.append(c);
                }
                line.append('"');
            } else {
                line.append(v);
            }
        }
        line.append(eol);
        try {
            w.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        long at = nextLine;
        // every line break of the record (the end of line, "\n" or "\r\n", and "\n" inside quoted fields) holds one '\n'
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\n') {
                nextLine++;
            }
        }
        return at;
    }

    private static boolean needsQuote(String v) {
        for (int j = 0; j < v.length(); j++) {
            char c = v.charAt(j);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        w.close();
    }
}
