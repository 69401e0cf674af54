package org.voterroll.generate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Streaming xlsx (SXSSF: 100 rows in memory), filled by a background thread through a bounded queue (rows keep
 * their order, so the bytes do not depend on the thread). POI writes fixed zip entry times; with a fixed creation
 * date the same seed gives the same bytes.
 */
final class XlsxOut implements Closeable {
    /** 2026-12-01T00:00 UTC: the delivery night */
    private static final long FIXED_TIME = 1796083200000L;
    private static final Object[] BLANK = new Object[0];
    private static final Object[] END = new Object[0];

    private final Path path;
    private final SXSSFWorkbook wb;
    private final Sheet sheet;
    private final CellStyle dateStyle;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(4096);
    private final Thread worker;
    private volatile Throwable failure;
    private int r;
    final String fileName;
    long rows;
    long junk;
    /** the sheet row number (1 = header) of the next row put, counted on the caller's thread */
    private long nextRow = 1;
    private RecordTruth records;

    XlsxOut(Path path, String sheetName, String[] header) {
        this.path = path;
        this.fileName = path.getFileName().toString();
        this.wb = new SXSSFWorkbook(100);
        wb.setCompressTempFiles(false);
        this.sheet = wb.createSheet(sheetName);
        this.dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        write(header);
        nextRow = 2;
        this.worker = new Thread(this::drain, "xlsx-" + fileName);
        worker.setDaemon(true);
        worker.start();
    }

    /** cells: String, LocalDate (an Excel date cell), Number, or null (no cell) */
    XlsxOut recordTo(RecordTruth records) {
        this.records = records;
        return this;
    }

    void row(Object... cells) {
        long at = nextRow++;
        put(cells);
        rows++;
        if (records != null) {
            records.row(fileName, at);
        }
    }

    void junkRow(Object... cells) {
        long at = nextRow++;
        put(cells);
        rows++;
        junk++;
        if (records != null) {
            records.junk(fileName, at);
        }
    }

    /** an empty row */
    void blank() {
        nextRow++;
        put(BLANK);
    }

    private void put(Object[] cells) {
        if (failure != null) {
            throw new IllegalStateException("writing " + fileName + " failed", failure);
        }
        try {
            queue.put(cells);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void drain() {
        try {
            while (true) {
                Object[] cells = queue.take();
                if (cells == END) {
                    return;
                }
                if (cells == BLANK) {
                    r++;
                } else {
                    write(cells);
                }
            }
        } catch (Throwable t) {
            failure = t;
            queue.clear();
        }
    }

    private void write(Object[] cells) {
        Row row = sheet.createRow(r++);
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v == null || v instanceof String e && e.isEmpty()) {
                continue;
            }
            Cell c = row.createCell(i);
            if (v instanceof String s) {
                c.setCellValue(s);
            } else if (v instanceof LocalDate d) {
                c.setCellValue(d);
                c.setCellStyle(dateStyle);
            } else if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else {
                throw new IllegalArgumentException(String.valueOf(v));
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (failure == null) {
                queue.put(END);
            }
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (failure != null) {
            wb.dispose();
            throw new IOException("writing " + fileName + " failed", failure);
        }
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("voter-roll generator");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            wb.write(os);
        } finally {
            wb.close();
            wb.dispose();
        }
    }
}
