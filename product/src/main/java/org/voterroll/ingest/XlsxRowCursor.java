package org.voterroll.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;

/** One sheet of an .xlsx, streamed; Excel date cells become ISO dates; what each cell held is kept ({@link RowCursor.CellKind}). */
final class XlsxRowCursor implements RowCursor {
    /**
     * POI's own zip-bomb limits, set here so that they are the project's and not a library default that may change:
     * an entry that inflates more than 100 times (a real sheet inflates 5-20 times) or beyond 2 GiB (a million-row
     * sheet is about 300 MB) makes the workbook unusable instead of filling the disk or the heap.
     */
    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_BYTES = 2L << 30;
    /** More sheets than this is no agency's export; {@link RecordMapper#recId} has room for 128. */
    static final int MAX_SHEETS = 64;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** A sheet of a workbook and its first non-empty row. */
    record SheetHead(int index, String name, boolean hidden, List<String> header) {}

    private final Workbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final List<String> header = new ArrayList<>();
    private final String sheetName;

    XlsxRowCursor(Path file, int sheet) throws IOException {
        this.workbook = openWorkbook(file);
        try {
            this.sheetName = sheet < workbook.getNumberOfSheets() ? workbook.getSheetName(sheet) : "";
            this.rows = sheet >= workbook.getNumberOfSheets() ? java.util.Collections.emptyIterator()
                    : workbook.getSheetAt(sheet).rowIterator();
            Row first = next();
            if (first != null) {
                for (String cell : first.cells()) header.add(RowCursor.cleanHeader(cell));
            }
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private static Workbook openWorkbook(Path file) throws IOException {
        try {
            return StreamingReader.builder().rowCacheSize(256).bufferSize(1 << 16).open(file.toFile());
        } catch (RuntimeException e) {
            throw new IOException("不是有效的 xlsx 文件 (not a readable .xlsx workbook): " + e.getMessage(), e);
        }
    }

    /** Every sheet's name, visibility and header, in workbook order. */
    static List<SheetHead> sheets(Path file) throws IOException {
        int count;
        List<String> names = new ArrayList<>();
        List<Boolean> hidden = new ArrayList<>();
        try (Workbook wb = openWorkbook(file)) {
            count = wb.getNumberOfSheets();
            if (count > MAX_SHEETS) {
                throw new IOException("工作簿有 " + count + " 个工作表，最多 " + MAX_SHEETS + " 个 (the workbook has " + count
                        + " sheets, at most " + MAX_SHEETS + " are read: deliver the data in fewer sheets or files)");
            }
            for (int i = 0; i < count; i++) {
                names.add(wb.getSheetName(i));
                hidden.add(wb.isSheetHidden(i) || wb.isSheetVeryHidden(i));
            }
        } catch (RuntimeException e) {
            throw new IOException("xlsx 读取失败 (cannot read the workbook): " + e.getMessage(), e);
        }
        List<SheetHead> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (XlsxRowCursor c = new XlsxRowCursor(file, i)) {
                out.add(new SheetHead(i, names.get(i), hidden.get(i), List.copyOf(c.header())));
            }
        }
        return out;
    }

    String sheetName() {
        return sheetName;
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
                CellKind[] kinds = null;
                boolean blank = true;
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    CellKind kind;
                    try {
                        kind = cell == null ? CellKind.TEXT : kind(cell);
                        cells[i] = kind == CellKind.TEXT || kind == CellKind.NUMBER ? text(cell) : "";
                    } catch (RuntimeException e) {
                        // one cell POI cannot read is that row's problem, not the file's
                        kind = CellKind.ERROR;
                        cells[i] = "";
                    }
                    if (kind != CellKind.TEXT) {
                        if (kinds == null) kinds = new CellKind[width];
                        kinds[i] = kind;
                    }
                    if (!cells[i].isBlank() || kind == CellKind.FORMULA_WITHOUT_VALUE || kind == CellKind.ERROR) blank = false;
                }
                if (blank) continue;
                if (kinds != null) for (int i = 0; i < width; i++) if (kinds[i] == null) kinds[i] = CellKind.TEXT;
                int trimmed = width;
                while (trimmed > header.size() && !header.isEmpty() && cells[trimmed - 1].isEmpty()
                        && (kinds == null || kinds[trimmed - 1] == CellKind.TEXT)) trimmed--;
                if (trimmed < width) {
                    cells = java.util.Arrays.copyOf(cells, trimmed);
                    if (kinds != null) kinds = java.util.Arrays.copyOf(kinds, trimmed);
                }
                return new Row(row.getRowNum() + 1, cells, kinds);
            }
            return null;
        } catch (RuntimeException e) {
            throw new IOException("xlsx 读取失败 (cannot read the workbook): " + e.getMessage(), e);
        }
    }

    /**
     * Reads the rest of the sheet without making rows of it, for the scan: what can break the file (its zip, its XML)
     * breaks here as it would in {@link #next}; a cell that cannot be read is its row's problem, not the file's.
     */
    void readThrough() throws IOException {
        try {
            while (rows.hasNext()) rows.next();
        } catch (RuntimeException e) {
            throw new IOException("xlsx 读取失败 (cannot read the workbook): " + e.getMessage(), e);
        }
    }

    private static CellKind kind(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            CellType cached;
            try {
                cached = cell.getCachedFormulaResultType();
            } catch (RuntimeException e) {
                return CellKind.FORMULA_WITHOUT_VALUE;
            }
            if (cached == CellType.BLANK || cached == CellType._NONE) return CellKind.FORMULA_WITHOUT_VALUE;
            if (cached == CellType.ERROR) return CellKind.ERROR;
            try {
                // the cached value itself may be missing behind a declared type: the night stopped here on "empty String"
                if (cached == CellType.NUMERIC) cell.getNumericCellValue();
                else cell.getStringCellValue();
            } catch (RuntimeException e) {
                return CellKind.FORMULA_WITHOUT_VALUE;
            }
            type = cached;
        }
        return switch (type) {
            case ERROR -> CellKind.ERROR;
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) || exactDigits(cell) != null ? CellKind.TEXT : CellKind.NUMBER;
            default -> CellKind.TEXT;
        };
    }

    private static String text(Cell cell) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    yield t == null ? "" : t.toLocalDate().toString();
                }
                String exact = exactDigits(cell);
                yield exact != null ? exact : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            default -> "";
        };
    }

    /**
     * A numeric cell whose stored text is more digits than a double holds, written out in full (another exporter than
     * Excel writes an identity number so: {@code <v>452731197201275116</v>}): those digits, which reading the cell as a
     * number would round away (independent7). The streaming reader's text of a numeric cell is what the sheet stores.
     */
    private static String exactDigits(Cell cell) {
        if (cell.getCellType() != CellType.NUMERIC) return null;
        String stored;
        try {
            stored = cell.getStringCellValue();
        } catch (RuntimeException e) {
            return null;
        }
        if (stored == null || stored.length() <= 15 || stored.length() > 40) return null;
        for (int i = 0; i < stored.length(); i++) if (stored.charAt(i) < '0' || stored.charAt(i) > '9') return null;
        return stored;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
