package org.voterroll.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The sniffer sees the bytes in pieces of any size, as the scanner reads them. */
class TextEncodingTest {

    private static TextEncoding.Detected sniff(byte[] bytes, int piece) {
        TextEncoding.Sniffer s = new TextEncoding.Sniffer();
        for (int i = 0; i < bytes.length; i += piece) s.update(bytes, i, Math.min(piece, bytes.length - i));
        return s.result();
    }

    private static byte[] withBom(byte[] b) {
        byte[] r = new byte[b.length + 3];
        r[0] = (byte) 0xEF; r[1] = (byte) 0xBB; r[2] = (byte) 0xBF;
        System.arraycopy(b, 0, r, 3, b.length);
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 65536, 200000})
    void utf8SplitAnywhereStaysUtf8(int piece) {
        byte[] text = "姓名,公民身份号码\n张伟,341299198003120138\n".repeat(3000).getBytes(StandardCharsets.UTF_8);
        TextEncoding.Detected d = sniff(text, piece);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertFalse(d.bom());
        TextEncoding.Detected b = sniff(withBom(text), piece);
        assertEquals(StandardCharsets.UTF_8, b.charset());
        assertTrue(b.bom());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void gb18030IsRecognised(int piece) {
        byte[] text = "姓名,公民身份号码\n张伟,341299198003120138\n".getBytes(TextEncoding.GB18030);
        assertEquals(TextEncoding.GB18030, sniff(text, piece).charset());
    }

    @Test
    void aCutMultibyteCharacterAtTheEndIsNotUtf8() {
        byte[] text = "张伟".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);
        assertEquals(TextEncoding.GB18030, sniff(cut, 1).charset());
    }

    @Test
    void tinyAndEmptyInputs() {
        assertEquals(StandardCharsets.UTF_8, sniff(new byte[0], 1).charset());
        assertEquals(StandardCharsets.UTF_8, sniff("a".getBytes(StandardCharsets.UTF_8), 1).charset());
        assertEquals(StandardCharsets.UTF_8, sniff("ab".getBytes(StandardCharsets.UTF_8), 2).charset());
        TextEncoding.Detected bomOnly = sniff(withBom(new byte[0]), 1);
        assertEquals(StandardCharsets.UTF_8, bomOnly.charset());
        assertTrue(bomOnly.bom());
        assertEquals(TextEncoding.GB18030, sniff(new byte[] {(byte) 0xD5}, 1).charset());
    }
}
