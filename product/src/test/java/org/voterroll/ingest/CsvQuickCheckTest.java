package org.voterroll.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan skips parsing a file through only when the parser could not have failed on it. */
class CsvQuickCheckTest {
    @TempDir
    Path dir;

    private static boolean sound(byte[] bytes) {
        CsvQuickCheck quick = new CsvQuickCheck();
        TextEncoding.Sniffer sniffer = new TextEncoding.Sniffer();
        // fed in small pieces, as a file is read in buffers: the byte-order mark and a character may be split
        for (int i = 0; i < bytes.length; i += 3) {
            int n = Math.min(3, bytes.length - i);
            quick.update(bytes, i, n);
            sniffer.update(bytes, i, n);
        }
        TextEncoding.Detected detected = sniffer.result();
        return quick.sound(detected, sniffer.wellFormedUtf8());
    }

    private void parseThrough(byte[] bytes) throws IOException {
        Path f = dir.resolve("x.csv");
        Files.write(f, bytes);
        try (CsvRowCursor c = new CsvRowCursor(f, TextEncoding.detect(f), true)) {
            while (c.next() != null) { }
        }
    }

    @Test
    void whatItCallsSoundTheParserReadsThrough() throws IOException {
        String[] pieces = {"\"", ",", "\r", "\n", "\r\n", " ", "\t", "a", "中", "\u3000", "\"\"", "\uFEFF", "é"};
        Random random = new Random(20);
        int sound = 0, unsure = 0;
        for (int run = 0; run < 20_000; run++) {
            StringBuilder sb = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
            int n = random.nextInt(25);
            for (int i = 0; i < n; i++) sb.append(pieces[random.nextInt(pieces.length)]);
            for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_8, TextEncoding.GB18030}) {
                byte[] bytes = sb.toString().getBytes(cs);
                if (sound(bytes)) {
                    sound++;
                    String text = sb.toString();
                    assertThatCode(() -> parseThrough(bytes)).as("%s in %s", text.replace("\r", "\\r").replace("\n", "\\n"), cs)
                            .doesNotThrowAnyException();
                } else {
                    unsure++;
                }
            }
        }
        // both outcomes are exercised
        assertThat(sound).isGreaterThan(5000);
        assertThat(unsure).isGreaterThan(5000);
    }

    @Test
    void aQuoteLeftOpenOrTextAfterAClosingQuoteIsParsedThrough() {
        assertThat(sound("姓名,号码\n\"张三,1\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(sound("姓名,号码\n\"张三\"x,1\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(sound("姓名,号码\n\"张三\" ,1\n\"城关镇,3组\r\n12号\",2\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(sound("姓名,号码\n\"张三\",1\n".getBytes(TextEncoding.GB18030))).isTrue();
    }

    @Test
    void bytesInvalidInTheEncodingAreParsedThrough() {
        byte[] utf8 = "姓名,号码\n张三,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(utf8, utf8.length + 2);
        broken[utf8.length] = (byte) 0xE5;
        broken[utf8.length + 1] = ',';
        assertThat(sound(broken)).isFalse();
        byte[] gb = "姓名,号码\n张三,1\n".getBytes(TextEncoding.GB18030);
        byte[] gbBroken = java.util.Arrays.copyOf(gb, gb.length + 2);
        gbBroken[gb.length] = (byte) 0xB0;
        gbBroken[gb.length + 1] = '"';
        assertThat(sound(gbBroken)).isFalse();
    }
}
