package org.voterroll.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Damaged workbooks for the bad-delivery corpus, written at test time with POI (or by hand where POI would refuse). */
final class Workbooks {
    /** A cell that is a formula saved without its value, as a tool that never calculates writes it. */
    record Formula(String formula) {}

    /** An error value such as #N/A. */
    record Error() {}

    /** One sheet: its name, whether hidden, its rows (String, Double, {@link Formula}, {@link Error} or null cells). */
    record Sheet(String name, boolean hidden, List<Object[]> rows) {
        Sheet(String name, List<Object[]> rows) {
            this(name, false, rows);
        }
    }

    private Workbooks() {}

    static void write(Path file, List<Sheet> sheets) {
        try (XSSFWorkbook wb = build(sheets); OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static XSSFWorkbook build(List<Sheet> sheets) {
        XSSFWorkbook wb = new XSSFWorkbook();
        for (Sheet s : sheets) {
            XSSFSheet sheet = wb.createSheet(s.name());
            for (int r = 0; r < s.rows().size(); r++) {
                XSSFRow row = sheet.createRow(r);
                Object[] cells = s.rows().get(r);
                for (int c = 0; c < cells.length; c++) {
                    Object v = cells[c];
                    if (v == null) continue;
                    XSSFCell cell = row.createCell(c);
                    if (v instanceof String t) cell.setCellValue(t);
                    else if (v instanceof Double d) cell.setCellValue(d);
                    else if (v instanceof Formula f) cell.setCellFormula(f.formula());
                    else if (v instanceof Error) cell.setCellErrorValue(FormulaError.NA.getCode());
                }
            }
            if (s.hidden()) wb.setSheetHidden(wb.getSheetIndex(sheet), true);
        }
        return wb;
    }

    /** An old binary (BIFF8) .xls workbook of text cells, as Excel 2003 saved it. */
    static void writeXls(Path file, List<Object[]> rows) {
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) row.createCell(c).setCellValue(String.valueOf(rows.get(r)[c]));
            }
            wb.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The header cells of columns {@code from..to} merged, as a clerk does for a title: only the first keeps its text. */
    static void writeMergedHeader(Path file, Sheet sheet, int from, int to) {
        try (XSSFWorkbook wb = build(List.of(sheet)); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet s = wb.getSheetAt(0);
            for (int c = from + 1; c <= to; c++) s.getRow(0).getCell(c).setBlank();
            s.addMergedRegion(new CellRangeAddress(0, 0, from, to));
            wb.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The workbook encrypted with a password (agile encryption, as Excel's "Encrypt with Password"). */
    static void writeEncrypted(Path file, List<Sheet> sheets, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword(password);
            try (XSSFWorkbook wb = build(sheets); OutputStream os = enc.getDataStream(fs)) {
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A zip bomb: a valid workbook whose sheet inflates to {@code sheetBytes} of repeated rows (compressing about
     * 1000 : 1), written by hand so that it is streamed to disk, never held in memory.
     */
    static void writeBomb(Path file, String[] header, long sheetBytes) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
            for (String h : header) head.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
            head.append("</row>");
            zip.write(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] chunk = new byte[row.length * 20_000];
            for (int i = 0; i < 20_000; i++) System.arraycopy(row, 0, chunk, i * row.length, row.length);
            for (long written = 0; written < sheetBytes; written += chunk.length) zip.write(chunk);
            zip.write("</sheetData></worksheet>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
