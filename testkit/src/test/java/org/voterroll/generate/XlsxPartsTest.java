package org.voterroll.generate;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxPartsTest {

    @Test
    void rollsOverToFurtherPartsAndReadsBack() throws IOException {
        Path dir = Files.createTempDirectory("xlsx-parts");
        try (XlsxParts x = new XlsxParts(dir, "shebao_20261201", "参保人员", new String[] {"姓名", "出生日期", "缴费基数"}, 10)) {
            for (int i = 0; i < 25; i++) {
                x.row("张" + i, LocalDate.of(1980, 1, 1).plusDays(i), (double) (3000 + i));
            }
            x.junkRow("", "2024-13-01");
        }
        assertThat(dir.resolve("shebao_20261201.xlsx")).isRegularFile();
        assertThat(dir.resolve("shebao_20261201_part2.xlsx")).isRegularFile();
        assertThat(dir.resolve("shebao_20261201_part3.xlsx")).isRegularFile();
        assertThat(dir.resolve("shebao_20261201_part4.xlsx")).doesNotExist();
        int[] expected = {10, 10, 6};
        String[] names = {"shebao_20261201.xlsx", "shebao_20261201_part2.xlsx", "shebao_20261201_part3.xlsx"};
        for (int k = 0; k < 3; k++) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve(names[k])))) {
                Sheet s = wb.getSheetAt(0);
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
                assertThat(s.getLastRowNum()).isEqualTo(expected[k]);
                assertThat(DateUtil.isCellDateFormatted(s.getRow(1).getCell(1))).isTrue();
            }
        }
        // same content, same bytes
        Path again = Files.createTempDirectory("xlsx-parts");
        try (XlsxParts x = new XlsxParts(again, "shebao_20261201", "参保人员", new String[] {"姓名", "出生日期", "缴费基数"}, 10)) {
            for (int i = 0; i < 25; i++) {
                x.row("张" + i, LocalDate.of(1980, 1, 1).plusDays(i), (double) (3000 + i));
            }
            x.junkRow("", "2024-13-01");
        }
        for (String n : names) {
            assertThat(Files.readAllBytes(again.resolve(n))).isEqualTo(Files.readAllBytes(dir.resolve(n)));
        }
    }
}
