package org.voterroll.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voterroll.codes.Source;

class IngestReadingTest {
    @TempDir Path dir;

    private List<RowCursor.Row> rows(Path f) throws IOException {
        List<RowCursor.Row> out = new ArrayList<>();
        try (RowCursor c = RowCursor.open(f, TextEncoding.detect(f))) {
            RowCursor.Row r;
            while ((r = c.next()) != null) out.add(r);
        }
        return out;
    }

    @Test
    void detectsUtf8Bom_plainUtf8_andGb18030() throws IOException {
        Path bom = dir.resolve("a.csv"), plain = dir.resolve("b.csv"), gb = dir.resolve("c.csv");
        Files.write(bom, ("\uFEFF姓名\n张伟\n").getBytes(StandardCharsets.UTF_8));
        Files.writeString(plain, "姓名\n陈志远\n", StandardCharsets.UTF_8);
        Files.writeString(gb, "姓名\n陈志远\n", TextEncoding.GB18030);
        assertThat(TextEncoding.detect(bom).label()).isEqualTo("UTF-8+BOM");
        assertThat(TextEncoding.detect(plain).label()).isEqualTo("UTF-8");
        assertThat(TextEncoding.detect(gb).label()).isEqualTo("GB18030");
        assertThat(rows(gb).get(0).cells()[0]).isEqualTo("陈志远");
        try (RowCursor c = RowCursor.open(bom, TextEncoding.detect(bom))) {
            assertThat(c.header()).containsExactly("姓名");
        }
    }

    @Test
    void quotedCommasAndLineBreaksEmptyLinesAndCrlf() throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, " 姓名 ,地址\r\n\r\n张伟,\"城关镇,3组\r\n12号\"\r\n\n李丽,河口乡\r\n", StandardCharsets.UTF_8);
        try (RowCursor c = RowCursor.open(f, TextEncoding.detect(f))) {
            assertThat(c.header()).containsExactly("姓名", "地址");
        }
        List<RowCursor.Row> r = rows(f);
        assertThat(r).hasSize(2);
        assertThat(r.get(0).cells()[1]).isEqualTo("城关镇,3组\r\n12号");
        assertThat(r.get(0).lineNo()).isEqualTo(3);
        assertThat(r.get(1).lineNo()).isEqualTo(6);
    }

    @Test
    void aLineOfMoreThanAMegabyteFailsTheFileInsteadOfFillingMemory() throws IOException {
        Path f = dir.resolve("huge.csv");
        Files.writeString(f, "姓名\n" + "x".repeat(CsvRowCursor.MAX_LINE_CHARS + 10), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> rows(f)).isInstanceOf(IOException.class).hasMessageContaining("longer than");
    }

    @Test
    void scannerReportsUnknownPrefixMissingHeaderDuplicatesAndIgnoresTheMarker() throws IOException {
        Files.writeString(dir.resolve("huji_1.csv"), "公民身份号码,姓名\n1,2\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("minzheng_1.csv"), "公民身份号码,姓名,死亡日期\n341299195001010513,王建国,2026-08-01\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("minzheng_2.csv"), "公民身份号码,姓名,死亡日期\n341299195001010513,王建国,2026-08-01\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("gongan_1.csv"), "a\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("READY"), "", StandardCharsets.UTF_8);
        List<DeliveryFile> files = new DeliveryScanner().scan(dir);
        assertThat(files).extracting(DeliveryFile::fileName).containsExactly("gongan_1.csv", "huji_1.csv", "minzheng_1.csv", "minzheng_2.csv");
        assertThat(files).extracting(DeliveryFile::status).containsExactly(DeliveryFile.Status.UNKNOWN_SOURCE,
                DeliveryFile.Status.UNUSABLE, DeliveryFile.Status.USABLE, DeliveryFile.Status.DUPLICATE);
        assertThat(files.get(1).message()).contains("缺少必需的列", "性别", "出生日期", "户号");
    }

    @Test
    void sourceOfAFileIsThePrefixBeforeTheFirstUnderscore() {
        assertThat(Source.ofFileName("shebao_part2.xlsx")).contains(Source.SHEBAO);
        assertThat(Source.ofFileName("huji_20261122.csv")).contains(Source.HUJI);
        assertThat(Source.ofFileName("hujix_1.csv")).isEmpty();
    }
}
