package org.voterroll.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric cells as a sheet stores them: an identity number written out in full by an exporter other than Excel is read
 * digit for digit (independent7: {@code <v>452731197201275116</v>} was read as the double 452731197201275140 and the row
 * rejected); Excel's own rounded form stays a number, which the mapper knows has lost digits.
 */
class XlsxNumericCellTest {

    @Test
    void aNumberWrittenInFullIsReadDigitForDigit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shebao.xlsx");
        sheet(file, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>社会保障号码</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>缴费基数</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>452731197201275116</v></c><c r=\"B2\"><v>3800.50</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>4.52731197201275E+17</v></c><c r=\"B3\"><v>3800</v></c></row>");
        try (XlsxRowCursor c = new XlsxRowCursor(file, 0)) {
            RowCursor.Row full = c.next();
            assertThat(full.cells()).containsExactly("452731197201275116", "3800.5");
            assertThat(full.kind(0)).isEqualTo(RowCursor.CellKind.TEXT);
            assertThat(full.kind(1)).isEqualTo(RowCursor.CellKind.NUMBER);
            RowCursor.Row rounded = c.next();
            assertThat(rounded.cells()[0]).hasSize(18).startsWith("452731197201275").isNotEqualTo("452731197201275116");
            assertThat(rounded.kind(0)).isEqualTo(RowCursor.CellKind.NUMBER);
        }
    }

    private static void sheet(Path file, String rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + rows + "</sheetData></worksheet>");
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
