package org.voterroll.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

import org.voterroll.codes.Source;

/**
 * Reads every usable file of one source of one run, in file order (a workbook's data sheets in sheet order), as
 * canonical {@link RawRow}s; each file as the scan found it to be (a workbook named .csv is read as a workbook).
 * Saves its position (part, rows read) so a restarted load goes on where the committed chunks ended.
 */
public class SourceFilesReader implements ItemStreamReader<RawRow> {
    private static final String FILE_INDEX = "file.index";
    private static final String ROWS_IN_FILE = "file.rows";

    /** One file, or one data sheet of a workbook: {@code sheetOrdinal} its place among the file's data sheets. */
    private record FileRef(int fileNo, String name, String encoding, int sheet, int sheetOrdinal) {
        boolean workbook() {
            return "xlsx".equals(encoding);
        }
    }

    private final String runId;
    private final Source source;
    private final Path inbox;
    private final Path countyDir;
    private final JdbcTemplate jdbc;

    private List<FileRef> files;
    private int fileIndex;
    private int rowsInFile;
    private RowCursor cursor;
    private int[] columnOf;
    private int headerCount;
    /** the file's name; for a workbook's further data sheets "file!sheet", so that their lines are told apart */
    private String partName;

    /** {@code countyDir}: where the province run's notices lie ({@link Exchange}) */
    public SourceFilesReader(String runId, Source source, Path inbox, Path countyDir, JdbcTemplate jdbc) {
        this.runId = runId;
        this.source = source;
        this.inbox = inbox;
        this.countyDir = countyDir;
        this.jdbc = jdbc;
    }

    @Override
    public void open(ExecutionContext ctx) throws ItemStreamException {
        files = new java.util.ArrayList<>();
        jdbc.query("""
                SELECT file_no, file_name, encoding, sheets FROM source_file
                WHERE run_id = ? AND source = ? AND status = 'USABLE' ORDER BY file_no""", rs -> {
            String sheets = rs.getString(4);
            if (sheets == null) {
                files.add(new FileRef(rs.getInt(1), rs.getString(2), rs.getString(3), 0, 0));
                return;
            }
            String[] list = sheets.split(",");
            for (int i = 0; i < list.length; i++) files.add(new FileRef(rs.getInt(1), rs.getString(2), rs.getString(3), Integer.parseInt(list[i]), i));
        }, runId, source.prefix());
        fileIndex = ctx.getInt(FILE_INDEX, 0);
        int skip = ctx.getInt(ROWS_IN_FILE, 0);
        if (fileIndex < files.size()) {
            openFile();
            try {
                for (int i = 0; i < skip; i++) {
                    if (cursor.next() == null) break;
                    rowsInFile++;
                }
            } catch (IOException e) {
                throw new ItemStreamException("cannot reposition in " + files.get(fileIndex).name(), e);
            }
        }
    }

    @Override
    public RawRow read() throws Exception {
        while (fileIndex < files.size()) {
            RowCursor.Row row = cursor.next();
            if (row != null) {
                rowsInFile++;
                FileRef f = files.get(fileIndex);
                String[] values = new String[columnOf.length];
                for (int i = 0; i < columnOf.length; i++) {
                    int col = columnOf[i];
                    values[i] = col >= 0 && col < row.cells().length ? row.cells()[col] : null;
                }
                RowCursor.CellKind[] kinds = null;
                if (row.kinds() != null) {
                    kinds = new RowCursor.CellKind[columnOf.length];
                    for (int i = 0; i < columnOf.length; i++) kinds[i] = columnOf[i] < 0 ? RowCursor.CellKind.TEXT : row.kind(columnOf[i]);
                }
                // empty cells past the header (stray commas of Excel or a hand edit) hold nothing to lose: not a wrong column count
                int cells = row.cells().length;
                while (cells > headerCount && (row.cells()[cells - 1] == null || row.cells()[cells - 1].isBlank())) cells--;
                return new RawRow(source, f.fileNo(), partName, row.lineNo(), values, row.cells(), cells, headerCount,
                        f.sheetOrdinal(), kinds);
            }
            cursor.close();
            cursor = null;
            fileIndex++;
            rowsInFile = 0;
            if (fileIndex < files.size()) openFile();
        }
        return null;
    }

    private void openFile() {
        FileRef f = files.get(fileIndex);
        Path p = Exchange.locate(f.name(), inbox, countyDir);
        try {
            if (f.workbook()) {
                XlsxRowCursor x = new XlsxRowCursor(p, f.sheet());
                cursor = x;
                partName = f.sheetOrdinal() == 0 ? f.name() : f.name() + "!" + x.sheetName();
            } else {
                cursor = new CsvRowCursor(p, TextEncoding.Detected.ofLabel(f.encoding()), true);
                partName = f.name();
            }
            columnOf = DeliveryScanner.columnMapping(source, cursor.header());
            headerCount = cursor.header().size();
            rowsInFile = 0;
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + f.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext ctx) {
        ctx.putInt(FILE_INDEX, fileIndex);
        ctx.putInt(ROWS_IN_FILE, rowsInFile);
    }

    @Override
    public void close() {
        try {
            if (cursor != null) cursor.close();
        } catch (IOException ignored) {
            // reading is over; nothing to save
        }
        cursor = null;
    }
}
