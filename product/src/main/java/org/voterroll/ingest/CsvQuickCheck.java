package org.voterroll.ingest;

/**
 * Follows a delivery file's bytes, in the pass that hashes them, as {@link CsvRowCursor.RecordGuard} follows its
 * characters, so that the scan need not parse a sound CSV file through a second time (issue 20: prepare read every
 * file twice). The structural characters of CSV ({@code " , \r \n}, and the blanks allowed after a closing quote) are
 * ASCII bytes that well-formed UTF-8 and GB18030 never use inside a multi-byte character, so on such a file the
 * bytes' quoting is the characters' quoting; a line has at least as many bytes as characters. {@link #sound} says
 * whether the file's quoting is closed everywhere, nothing follows a closing quote, no line or record comes near
 * {@link CsvRowCursor#MAX_LINE_CHARS} and the bytes are well-formed in the encoding found: then the CSV parser cannot
 * fail on it. Whatever is not sure (a quote left open, an invalid byte, a long line) is parsed through as before,
 * for the verdict and its message.
 */
final class CsvQuickCheck {
    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private final CsvQuoting quoting = new CsvQuoting();
    private boolean unsure;
    private long sinceBreak;
    private long inRecord;
    private long position;
    /** how many of the first bytes were a UTF-8 byte-order mark, which the reader skips before the CSV starts */
    private int bomBytes;
    private boolean bomSkipped;
    /** GB18030's structure: 0 between characters, 1 after a lead byte, 2 and 3 inside a four-byte character */
    private int gb;
    private boolean gbMalformed;

    void update(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int x = b[i] & 0xFF;
            gb18030(x);
            if (position++ < BOM.length && bomBytes == position - 1 && x == BOM[bomBytes]) {
                if (++bomBytes == BOM.length) bomSkipped = true;
                continue;
            }
            if (bomBytes > 0 && !bomSkipped) {
                // the first bytes only looked like a mark: they were characters of the first field
                quoting.inUnquotedField();
                sinceBreak += bomBytes;
                inRecord += bomBytes;
                bomBytes = 0;
            }
            track(x);
        }
    }

    /** True when the CSV parser cannot fail on this file, read in {@code encoding}; {@code wellFormedUtf8} from the sniffer. */
    boolean sound(TextEncoding.Detected encoding, boolean wellFormedUtf8) {
        if (unsure || quoting.inQuotes() || bomSkipped != encoding.bom()) return false;
        if (encoding.charset().equals(java.nio.charset.StandardCharsets.UTF_8)) return wellFormedUtf8;
        return encoding.charset().equals(TextEncoding.GB18030) && !gbMalformed && gb == 0;
    }

    private void track(int c) {
        boolean cr = c == '\r';
        boolean lf = c == '\n';
        // the parser may refuse text after a closing quote: parse the file through for the verdict
        if (quoting.next(c) == CsvQuoting.Step.TEXT_AFTER_QUOTE) unsure = true;
        if (cr || lf) sinceBreak = 0;
        else if (++sinceBreak >= CsvRowCursor.MAX_LINE_CHARS) unsure = true;
        if ((cr || lf) && quoting.atFieldStart()) inRecord = 0;
        else if (++inRecord >= CsvRowCursor.MAX_LINE_CHARS) unsure = true;
    }

    private void gb18030(int x) {
        switch (gb) {
            case 0 -> {
                if (x >= 0x81 && x <= 0xFE) gb = 1;
                else if (x >= 0x80) gbMalformed = true;
            }
            case 1 -> {
                if (x >= 0x30 && x <= 0x39) gb = 2;
                else if (x >= 0x40 && x <= 0xFE && x != 0x7F) gb = 0;
                else {
                    gbMalformed = true;
                    gb = 0;
                }
            }
            case 2 -> {
                if (x >= 0x81 && x <= 0xFE) gb = 3;
                else {
                    gbMalformed = true;
                    gb = 0;
                }
            }
            default -> {
                if (!(x >= 0x30 && x <= 0x39)) gbMalformed = true;
                gb = 0;
            }
        }
    }
}
