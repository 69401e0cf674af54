package org.voterroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Agencies send GB18030 or UTF-8 (with or without BOM) and never say which. A file that decodes as
 * strict UTF-8 from end to end is UTF-8: GB18030 Chinese text practically never does.
 */
public final class TextEncoding {
    public static final Charset GB18030 = Charset.forName("GB18030");

    public record Detected(Charset charset, boolean bom) {
        public String label() { return charset.name() + (bom ? "+BOM" : ""); }
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
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private final CharBuffer chars = CharBuffer.allocate(1 << 16);
        private final byte[] head = new byte[3];
        private int headLength;
        private boolean bom;
        private boolean notUtf8;

        public void update(byte[] b, int off, int len) {
            while (len > 0 && headLength < 3) {
                head[headLength++] = b[off++];
                len--;
                if (headLength == 3) {
                    bom = (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
                    if (!bom) feed(head, 0, 3, false);
                }
            }
            if (len > 0) feed(b, off, len, false);
        }

        private void feed(byte[] b, int off, int len, boolean eof) {
            while (!notUtf8 && (len > 0 || eof)) {
                int take = Math.min(len, bytes.remaining());
                bytes.put(b, off, take);
                off += take;
                len -= take;
                bytes.flip();
                boolean last = eof && len == 0;
                CoderResult r = utf8.decode(bytes, chars, last);
                if (r.isError()) notUtf8 = true;
                chars.clear();
                bytes.compact();
                if (last) break;
            }
        }

        public Detected result() {
            if (headLength < 3 && !notUtf8) feed(head, 0, headLength, false);
            feed(new byte[0], 0, 0, true);
            if (notUtf8) return new Detected(GB18030, false);
            bytes.flip();
            CoderResult r = utf8.flush(chars);
            if (r.isError() || bytes.hasRemaining()) return new Detected(GB18030, false);
            return new Detected(StandardCharsets.UTF_8, bom);
        }
    }
}
