package org.voterroll.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;

/** First sheet of an .xlsx, streamed; Excel date cells become ISO dates. */
final class XlsxRowCursor implements RowCursor {
    private final Workbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final List<String> header = new ArrayList<>();

    XlsxRowCursor(Path file) throws IOException {
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(256).bufferSize(1 << 16).open(file.toFile());
        } catch (RuntimeException e) {
            throw new IOException("不是有效的 xlsx 文件 (not a readable .xlsx workbook): " + e.getMessage(), e);
        }
        this.rows = workbook.getNumberOfSheets() == 0 ? java.util.Collections.emptyIterator() : workbook.getSheetAt(0).rowIterator();
        Row first = next();
        if (first != null) {
            for (String cell : first.cells()) header.add(RowCursor.cleanHeader(cell));
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException {
        try {
            while (rows.hasNext()) {
                org.apache.poi.ss.usermodel.Row row = rows.next();
                // a sheet row ends at its last non-empty cell; empty trailing cells are still columns of the header
                int lastCell = Math.max(row.getLastCellNum(), 0);
                int width = header.isEmpty() ? lastCell : Math.max(lastCell, header.size());
                String[] cells = new String[width];
                boolean blank = true;
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    cells[i] = cell == null ? "" : text(cell);
                    if (!cells[i].isBlank()) blank = false;
                }
                if (blank) continue;
                int trimmed = width;
                while (trimmed > header.size() && !header.isEmpty() && cells[trimmed - 1].isEmpty()) trimmed--;
                if (trimmed < width) cells = java.util.Arrays.copyOf(cells, trimmed);
                return new Row(row.getRowNum() + 1, cells, CSVFormat.RFC4180.format((Object[]) cells));
            }
            return null;
        } catch (RuntimeException e) {
            throw new IOException("xlsx 读取失败 (cannot read the workbook): " + e.getMessage(), e);
        }
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    yield t == null ? "" : t.toLocalDate().toString();
                }
                yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            default -> "";
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
