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
            byte[] head = in.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            if (!bom) bytes.put(head);
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) eof = true; else bytes.position(bytes.position() + n);
                bytes.flip();
                CoderResult r = utf8.decode(bytes, chars, eof);
                if (r.isError()) return new Detected(GB18030, false);
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult r = utf8.flush(chars);
            if (r.isError() || bytes.hasRemaining()) return new Detected(GB18030, false);
            return new Detected(StandardCharsets.UTF_8, bom);
        }
    }
}
