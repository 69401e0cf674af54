package org.voterroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Agencies send GB18030 or UTF-8 (with or without BOM) and never say which. A file whose non-ASCII bytes are, all but
 * a few, well-formed UTF-8 sequences is UTF-8 (GB18030 Chinese text is mostly not: its lead bytes 0x81-0xFE rarely
 * pair up as UTF-8 does); the few bytes that are not become U+FFFD and reject their rows, instead of turning every
 * name of the file into GB18030 nonsense. A file of UTF-16 (a byte-order mark, or NUL bytes in every other place) is
 * named as such: the contract does not allow it and the scan refuses it with that word.
 */
public final class TextEncoding {
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** Well-formed UTF-8 sequences needed per malformed one for a file to be taken as UTF-8 with damage. */
    static final int UTF8_MAJORITY = 20;

    public record Detected(Charset charset, boolean bom) {
        public String label() { return charset.name() + (bom ? "+BOM" : ""); }

        /** The encoding a {@link #label()} names, as the scan stored it: the load reads a file as the scan found it, without sniffing it again. */
        public static Detected ofLabel(String label) {
            boolean bom = label.endsWith("+BOM");
            return new Detected(Charset.forName(bom ? label.substring(0, label.length() - 4) : label), bom);
        }

        public boolean utf16() {
            return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
        }
    }

    private TextEncoding() {}

    public static Detected detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Sniffer sniffer = new Sniffer();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) sniffer.update(buf, 0, n);
            return sniffer.result();
        }
    }

    /** Decides the encoding from bytes fed in order, so that a caller reading the file for another reason needs no second pass. */
    public static final class Sniffer {
        private final byte[] head = new byte[3];
        private int headLength;
        private long position;
        private long nulEven;
        private long nulOdd;
        private long goodSequences;
        private long badSequences;
        /** continuation bytes still expected, and the range allowed for the next one */
        private int need;
        private int lo = 0x80;
        private int hi = 0xBF;

        public void update(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                int x = b[i] & 0xFF;
                if (headLength < 3) head[headLength++] = b[i];
                if (x == 0) {
                    if ((position & 1) == 0) nulEven++;
                    else nulOdd++;
                }
                position++;
                utf8(x);
            }
        }

        private void utf8(int x) {
            if (need > 0) {
                if (x >= lo && x <= hi) {
                    lo = 0x80;
                    hi = 0xBF;
                    if (--need == 0) goodSequences++;
                    return;
                }
                badSequences++;
                need = 0;
                lo = 0x80;
                hi = 0xBF;
                // the byte that broke the sequence may start the next one
            }
            if (x < 0x80) return;
            if (x >= 0xC2 && x <= 0xDF) {
                need = 1;
            } else if (x >= 0xE0 && x <= 0xEF) {
                need = 2;
                if (x == 0xE0) lo = 0xA0;
                if (x == 0xED) hi = 0x9F;
            } else if (x >= 0xF0 && x <= 0xF4) {
                need = 3;
                if (x == 0xF0) lo = 0x90;
                if (x == 0xF4) hi = 0x8F;
            } else {
                badSequences++;
            }
        }

        /** No byte fed so far breaks UTF-8 (and none is left waiting for its continuation). */
        public boolean wellFormedUtf8() {
            return badSequences == 0 && need == 0;
        }

        public Detected result() {
            if (need > 0) {
                badSequences++;
                need = 0;
            }
            int h0 = headLength > 0 ? head[0] & 0xFF : -1, h1 = headLength > 1 ? head[1] & 0xFF : -1;
            if (h0 == 0xFF && h1 == 0xFE) return new Detected(StandardCharsets.UTF_16LE, true);
            if (h0 == 0xFE && h1 == 0xFF) return new Detected(StandardCharsets.UTF_16BE, true);
            long nul = nulEven + nulOdd;
            if (position >= 4 && nul * 20 >= position && Math.max(nulEven, nulOdd) * 10 >= nul * 9) {
                return new Detected(nulOdd > nulEven ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE, false);
            }
            boolean bom = headLength == 3 && h0 == 0xEF && h1 == 0xBB && (head[2] & 0xFF) == 0xBF;
            if (badSequences == 0 || goodSequences >= UTF8_MAJORITY * badSequences) return new Detected(StandardCharsets.UTF_8, bom);
            return new Detected(GB18030, false);
        }
    }
}
