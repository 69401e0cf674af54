package org.voterroll.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * truth/records.csv: one row per data row written to an inbox file — 文件 (file name), 行号 (the line number the ingest
 * reader gives it: for CSV the physical line the record starts on, header = line 1, blank lines counted; for xlsx the
 * sheet row number, header = row 1), 公民身份号码 (the true 18-digit number of the person the row is about) and 姓名 (the
 * person's true name: two true persons share a number in the 重号 scenario, so a true person is 公民身份号码 + 姓名, the
 * key of truth/persons.csv). Junk rows
 * the generator adds on purpose (short rows, garbage numbers, bad dates, blank names) are listed with an empty number
 * and name;
 * empty lines / empty sheet rows are not data rows and are not listed. Rows are written as they are emitted, so memory
 * stays flat.
 */
final class RecordTruth implements Closeable {
    static final String[] HEADER = {"文件", "行号", "公民身份号码", "姓名"};

    private final CsvOut out;
    /** the true number of the person whose rows are being written; null outside a person's emission */
    private String current;
    private String currentName;
    long rows;

    RecordTruth(Path file) throws IOException {
        this.out = new CsvOut(file, StandardCharsets.UTF_8, false, "\n", HEADER, false);
    }

    /** the person whose rows follow (null: no person — a data row written now is a bug) */
    void person(String trueNumber, String trueName) {
        this.current = trueNumber;
        this.currentName = trueName;
    }

    void row(String fileName, long lineNo) {
        if (current == null) {
            throw new IllegalStateException("an inbox row of " + fileName + " (line " + lineNo + ") written outside a person");
        }
        out.row(fileName, Long.toString(lineNo), current, currentName);
        rows++;
    }

    void junk(String fileName, long lineNo) {
        out.row(fileName, Long.toString(lineNo), "", "");
        rows++;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
