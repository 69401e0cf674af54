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

    void row(String... f) {
        write(false, f);
    }

    void rowAllQuoted(String... f) {
        write(true, f);
    }

    void junkRow(String... f) {
        write(false, f);
        junk++;
    }

    void blank() {
        try {
            w.write(eol);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(boolean quoteAll, String[] f) {
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
