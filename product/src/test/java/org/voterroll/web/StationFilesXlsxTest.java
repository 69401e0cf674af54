package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The station's Excel copy of a published CSV, made in memory (no database: the conversion is plain code). */
class StationFilesXlsxTest {
    static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void aNamedSheetWithABoldFrozenHeaderColumnsAsWideAsTheirTextAndEveryCellText() throws Exception {
        String csv = "选区编码,选区名称,序号,姓名,公民身份号码\n341299100-02,城关镇第二选区,1,王小明,34129919800101001X\n"
                + "341299100-02,城关镇第二选区,2,李四,341299198002020028\n";
        byte[] xlsx = new StationFiles(null, "GB18030").xlsx(csv.getBytes(GB18030), "选民名册");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("选民名册");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(wb.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isFalse();
            // 18 characters + 2: the number fits; 城关镇第二选区 is 7 Chinese characters, 14 wide + 2
            assertThat(sheet.getColumnWidth(4)).isEqualTo(20 * 256);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(16 * 256);
            assertThat(sheet.getRow(2).getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("341299198002020028");
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void aVeryLongAddressDoesNotMakeAColumnWiderThanSixtyCharacters() throws Exception {
        String csv = "居住地址\n" + "很长的地址".repeat(30) + "\n";
        byte[] xlsx = new StationFiles(null, "GB18030").xlsx(csv.getBytes(GB18030), "选民名册");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getColumnWidth(0)).isEqualTo(60 * 256);
        }
    }

    @Test
    void downloadNamesSayWhatEachFileIs() {
        assertThat(StationFiles.downloadName("341299100-02", StationFiles.Kind.roll, "csv")).isEqualTo("341299100-02_选民名册.csv");
        assertThat(StationFiles.downloadName("341299100-02", StationFiles.Kind.posting, "xlsx")).isEqualTo("341299100-02_张榜公布名单.xlsx");
        assertThat(StationFiles.displayWidth("341299100-02")).isEqualTo(12);
        assertThat(StationFiles.displayWidth("城关镇（一）")).isEqualTo(12);
    }
}
