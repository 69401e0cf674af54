package org.voterroll.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.voterroll.codes.CodeList;
import org.voterroll.codes.Source;
import org.voterroll.normalize.AreaCodes;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.normalize.InvalidValueException;
import org.voterroll.normalize.LenientDates;
import org.voterroll.normalize.Names;
import org.voterroll.normalize.Normalized;
import org.voterroll.normalize.Sex;

/**
 * Turns a raw row of any source into a src_record row, normalising every value as SOURCES.md says.
 * A row that cannot be used at all is rejected with the reason; every repair is noted.
 * Pure: no I/O, no Spring.
 */
public final class RecordMapper {

    /** rec_id = snapshot << 40 | file << 28 | line: deterministic, so a restarted load writes the same ids. */
    public static long recId(long snapshotId, int fileNo, int lineNo) {
        return recId(snapshotId, fileNo, 0, lineNo);
    }

    /**
     * A workbook's further data sheets take bits 21-27 of the line's 28: a sheet has at most 1 048 576 rows (2^20) and a
     * workbook is read only with at most {@link XlsxRowCursor#MAX_SHEETS} sheets.
     */
    public static long recId(long snapshotId, int fileNo, int sheet, int lineNo) {
        return (snapshotId << 40) | ((long) fileNo << 28) | ((long) sheet << 21) | lineNo;
    }

    /** A date outside these years is a typing or export error (2200, Excel's 1900-01-00), never a birth, death or decision. */
    static final int MIN_YEAR = 1880;
    static final int MAX_YEAR = 2100;

    /** An identity number as Excel shows a number of more than 15 digits (3.49901E+17): its last digits are gone. */
    private static final java.util.regex.Pattern SCIENTIFIC = java.util.regex.Pattern.compile("\\s*[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+\\s*");

    /** The run's date: nobody is born after it (null: no such bound, for tests of the mapping alone). */
    private final java.time.LocalDate runDate;

    public RecordMapper() {
        this(null);
    }

    public RecordMapper(java.time.LocalDate runDate) {
        this.runDate = runDate;
    }

    public IngestResult map(RawRow row, long snapshotId) {
        Cells c = new Cells(row);
        try {
            if (row.cellCount() != row.headerCount()) {
                throw new InvalidValueException("列数不符 (the row has " + row.cellCount() + " columns, the header "
                        + row.headerCount() + ")");
            }
            checkCells(row);
            RecordRow r = new RecordRow()
                    .set(Column.REC_ID, recId(snapshotId, row.fileNo(), row.sheet(), row.lineNo()))
                    .set(Column.SNAPSHOT_ID, snapshotId)
                    .set(Column.SOURCE, row.source().prefix())
                    .set(Column.FILE_NAME, row.fileName())
                    .set(Column.LINE_NO, row.lineNo())
                    .set(Column.ROW_HASH, rowHash(row));
            switch (row.source()) {
                case HUJI -> huji(c, r);
                case LIUDONG -> liudong(c, r);
                case SHEBAO -> shebao(c, r);
                case TONGJI -> tongji(c, r);
                case CHAIQIAN -> chaiqian(c, r);
                case MINZHENG -> minzheng(c, r);
                case XUANWEI -> xuanwei(c, r);
                case WAIDI -> waidi(c, r);
            }
            // a row without a birth of its own whose number lost only its last digits still has the birth the number
            // encodes (digits 7-14 survive Excel's 15 significant digits): a death notice names the one person of that
            // name born that day, not every namesake of the county (independent7)
            if (c.survivingBirth != null && r.get(Column.BIRTH_DATE) == null && r.get(Column.BIRTH_MONTH) == null) {
                r.set(Column.BIRTH_DATE, c.survivingBirth);
                c.repairs.add("出生日期取自号码的前15位 (birth date from the number's surviving first 15 digits)");
            }
            checkLengths(r);
            // a birth after tonight is a typing error that would silently make an adult a child on the roll
            if (runDate != null && r.get(Column.BIRTH_DATE) instanceof java.time.LocalDate born && born.isAfter(runDate)) {
                throw new InvalidValueException("出生日期晚于本次运行日期 (a birth date after tonight, " + born + " > " + runDate
                        + "): 请核对该行 (check the row)");
            }
            if (!c.repairs.isEmpty()) r.set(Column.REPAIRS, cut(String.join("; ", c.repairs), Column.REPAIRS.size()));
            return new IngestResult.Accepted(row, r, !c.repairs.isEmpty());
        } catch (InvalidValueException e) {
            return new IngestResult.Rejected(row, e.getMessage());
        } catch (RuntimeException e) {
            // containment: a value no rule foresaw costs its row, never the night; the message may hold the value, so only the kind
            return new IngestResult.Rejected(row, "无法处理的值 (a value the reader cannot handle: " + e.getClass().getSimpleName()
                    + "); 请检查该行 (check the row)");
        }
    }

    /** What no column may hold, and cells without a value to read: the whole row is rejected, naming the column. */
    private static void checkCells(RawRow row) {
        List<String> headers = row.source().headers();
        int headerValues = 0;
        boolean allHeaders = true;
        for (int i = 0; i < headers.size(); i++) {
            String v = row.get(i);
            String h = headers.get(i);
            switch (row.kind(i)) {
                case FORMULA_WITHOUT_VALUE -> throw new InvalidValueException(h + "：公式没有计算结果 (a formula saved without its value: "
                        + "open the file in Excel, let it calculate, save and deliver it again)");
                case ERROR -> throw new InvalidValueException(h + "：单元格为错误值，如 #N/A (an error value such as #N/A)");
                default -> { }
            }
            if (v == null) continue;
            if (v.indexOf('\0') >= 0) throw new InvalidValueException(h + "：含空字节，文件已损坏 (NUL bytes: the file is damaged here)");
            if (v.indexOf('\uFFFD') >= 0) {
                throw new InvalidValueException(h + "：含文件编码中无效的字节 (bytes that are invalid in the file's encoding, "
                        + "GB18030 or UTF-8: the line is damaged; the agency must send it again)");
            }
            if (strippedEquals(v, h)) headerValues++;
            else if (!v.isBlank()) allHeaders = false;
        }
        if (allHeaders && headerValues >= 2) throw new InvalidValueException("表头行再次出现 (the header row again: two files joined into one?)");
    }

    /** {@code v.strip().equals(h)} without making the stripped copy: every value of every row is compared. */
    private static boolean strippedEquals(String v, String h) {
        int start = 0, end = v.length();
        while (start < end && Character.isWhitespace(v.charAt(start))) start++;
        while (end > start && Character.isWhitespace(v.charAt(end - 1))) end--;
        return end - start == h.length() && v.startsWith(h, start);
    }

    /** A value longer than its column in the schema: rejected, naming the column, instead of an SQL error. */
    private static void checkLengths(RecordRow r) {
        for (Column col : Column.ALL) {
            if (col.size() == 0 || col == Column.REPAIRS || !(r.get(col) instanceof String v) || v.length() <= col.size()) continue;
            String what = col.label() != null ? col.label() : col.sqlName();
            throw new InvalidValueException("字段过长 (a value too long): " + what + " " + v.length() + " 个字符，最多 " + col.size()
                    + " (" + v.length() + " characters, at most " + col.size() + ")");
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private void huji(Cells c, RecordRow r) {
        number(c, r, "公民身份号码", Need.REQUIRED_KEEP_MALFORMED);
        name(c, r);
        r.set(Column.FORMER_NAME, c.optionalName("曾用名"));
        r.set(Column.SEX, sex(c, "性别", true));
        r.set(Column.BIRTH_DATE, c.date("出生日期", true));
        r.set(Column.HOUSEHOLD_KEY, "hj:" + c.required("户号"));
        r.set(Column.RELATION, c.text("与户主关系"));
        r.set(Column.ADDRESS, c.required("户籍地址"));
        r.set(Column.AREA_CODE, c.area("户籍地区划代码", true));
        r.set(Column.ETHNIC, c.text("民族"));
        r.set(Column.STATUS, c.status());
        r.set(Column.STATUS_DATE, c.date("状态变动日期", false));
        r.set(Column.OTHER_AREA, c.area("迁往地区划代码", false));
    }

    private void liudong(Cells c, RecordRow r) {
        number(c, r, "公民身份号码", Need.NOTED_WHEN_MISSING);
        name(c, r);
        r.set(Column.SEX, sex(c, "性别", false));
        r.set(Column.BIRTH_DATE, c.date("出生日期", false));
        r.set(Column.OTHER_AREA, c.area("户籍地区划代码", true));
        r.set(Column.ADDRESS, c.required("居住地址"));
        r.set(Column.AREA_CODE, c.area("居住地区划代码", true));
        r.set(Column.START_DATE, c.date("登记日期", true));
        r.set(Column.END_DATE, c.date("注销日期", false));
        r.set(Column.KIND, c.text("居住事由"));
    }

    private void shebao(Cells c, RecordRow r) {
        number(c, r, "社会保障号码", Need.NOTED_WHEN_MISSING);
        name(c, r);
        r.set(Column.SEX, sex(c, "性别", false));
        r.set(Column.BIRTH_DATE, c.date("出生日期", false));
        r.set(Column.ORG_NAME, c.text("参保单位名称"));
        r.set(Column.ORG_CODE, c.creditCode("统一社会信用代码"));
        r.set(Column.STATUS, c.status());
        r.set(Column.REASON, c.text("终止原因"));
        r.set(Column.STATUS_DATE, c.date("终止日期", false));
    }

    private void tongji(Cells c, RecordRow r) {
        r.set(Column.HOUSEHOLD_KEY, "tj:" + c.required("住户编码"));
        r.set(Column.ADDRESS, c.required("调查地址"));
        r.set(Column.AREA_CODE, c.area("调查地区划代码", true));
        name(c, r);
        r.set(Column.SEX, sex(c, "性别", true));
        r.setMonth(Column.BIRTH_MONTH, c.month("出生年月", true));
        number(c, r, "公民身份号码", Need.OPTIONAL);
        r.set(Column.KIND, c.text("户口登记地"));
        r.set(Column.STATUS, c.status());
        r.set(Column.REASON, c.text("外出去向"));
    }

    private void chaiqian(Cells c, RecordRow r) {
        r.set(Column.ORG_NAME, c.text("项目名称"));
        r.set(Column.HOUSEHOLD_KEY, "cq:" + c.required("被征收户编号"));
        name(c, r);
        number(c, r, "公民身份号码", Need.OPTIONAL);
        r.set(Column.RELATION, c.text("与户主关系"));
        r.set(Column.ADDRESS, c.text("原房屋地址"));
        r.set(Column.AREA_CODE, c.area("原区划代码", true));
        r.set(Column.STATUS, c.status());
        r.set(Column.OTHER_ADDRESS, c.text("安置地址"));
        r.set(Column.OTHER_AREA, c.area("安置区划代码", false));
        r.set(Column.START_DATE, c.date("交房日期", false));
        r.set(Column.END_DATE, c.date("拆除日期", false));
    }

    private void minzheng(Cells c, RecordRow r) {
        number(c, r, "公民身份号码", Need.NOTED_WHEN_MISSING);
        name(c, r);
        r.set(Column.SEX, sex(c, "性别", false));
        r.set(Column.START_DATE, deathDate(c));
        r.set(Column.END_DATE, c.date("火化日期", false));
    }

    /**
     * A death notice whose date cannot be read (不详, 2026-02-30) still says someone died: kept without a date, so that
     * the rules ask a township instead of acting on it (DEATH_REVIEW), rather than sent to the rejects, where a living
     * voter's death notice or a dead voter's line would go unseen (a fifth independent county).
     */
    private static LocalDate deathDate(Cells c) {
        try {
            return c.date("死亡日期", true);
        } catch (InvalidValueException e) {
            c.repairs.add("死亡日期无法识别，死亡待核实");
            return null;
        }
    }

    private void xuanwei(Cells c, RecordRow r) {
        number(c, r, "公民身份号码", Need.NOTED_WHEN_MISSING);
        name(c, r);
        r.set(Column.KIND, c.kind());
        LocalDate from = c.date("起始日期", true);
        LocalDate until = c.date("终止日期", false);
        if (until != null && until.isBefore(from)) {
            throw new InvalidValueException("终止日期早于起始日期 (period ends before it starts)");
        }
        r.set(Column.START_DATE, from);
        r.set(Column.END_DATE, until);
        r.set(Column.ORG_NAME, c.text("决定机关"));
        r.set(Column.DOC_NO, c.text("文号"));
    }

    private void waidi(Cells c, RecordRow r) {
        number(c, r, "公民身份号码", Need.NOTED_WHEN_MISSING);
        name(c, r);
        r.set(Column.KIND, c.kind());
        r.set(Column.OTHER_AREA, c.area("对方区划代码", true));
        r.set(Column.ORG_NAME, c.text("对方选举委员会"));
        r.set(Column.START_DATE, c.date("日期", true));
    }

    /**
     * What a row's number may be. SOURCES.md: the number is "sometimes empty" in every source; such a record is linked by
     * its other fields (RULES.md), so only the police register, whose rows make the persons, needs one. An unreadable
     * number typed wrong (a letter for a digit: 6127331973011l3950) is kept and the row linked as one without a number:
     * a unit row, a death notice or a rights decision that could change someone's listing "is never dropped without an
     * item" (RULES.md), and the rejects file reaches no township (a fourth independent county: 50 such rows at 200,000
     * persons vanished without a review item). What is no number at all (不详, 12345) is rejected with the value to fix,
     * except where the number is often missing anyway (tongji, chaiqian) and in the register (its row is ID_INVALID).
     */
    private enum Need { REQUIRED_KEEP_MALFORMED, NOTED_WHEN_MISSING, OPTIONAL }

    private static void number(Cells c, RecordRow r, String header, Need need) {
        String raw = c.raw(header);
        boolean digitsLost = raw != null && (c.kind(header) == RowCursor.CellKind.NUMBER && digits(raw) > 15
                || (raw.indexOf('e') >= 0 || raw.indexOf('E') >= 0) && SCIENTIFIC.matcher(raw).matches());
        IdNumbers.Parsed p = digitsLost ? new IdNumbers.Parsed(raw, null, IdNumbers.Status.MALFORMED, List.of()) : IdNumbers.parse(raw);
        if (digitsLost) {
            // the digits Excel dropped are gone, but the row is still someone's: a unit, a death, a rights decision, a
            // police row of a voter. Kept and linked as a row without a number, so that it names its likeliest people in
            // an item (RULES.md "never dropped without an item"; independent7: 40 such rows vanished into the rejects)
            c.repairs.add(header + "以数字格式存储，末几位已丢失，按无号码处理；请来源单位将该列设为文本后重新导出 (stored as a number, "
                    + "digits lost: Excel keeps 15 significant digits; linked as a row without a number)");
            c.survivingBirth = survivingBirth(raw);
        } else switch (p.status()) {
            case EMPTY -> {
                if (need == Need.REQUIRED_KEEP_MALFORMED) throw new InvalidValueException(header + "为空 (identity number missing)");
                if (need == Need.NOTED_WHEN_MISSING) c.repairs.add(header + "为空，按姓名、性别、出生等关联");
            }
            case MALFORMED -> {
                // a number with a letter typed for a digit is kept; what is no number at all (不详, 12345, #N/A) goes to
                // the rejects with the value to fix, as a row "that cannot be used" (SOURCES.md)
                if (need == Need.NOTED_WHEN_MISSING && !mistypedNumber(raw)) {
                    throw new InvalidValueException(header + "无法识别 (unreadable identity number): " + IdNumbers.mask(raw.strip()));
                }
                c.repairs.add(header + "无法识别，按无号码处理");
            }
            default -> c.repairs.addAll(p.repairs());
        }
        r.set(Column.ID_RAW, raw == null ? null : raw.strip());
        r.set(Column.ID_NUMBER, p.number());
        r.set(Column.ID_STATUS, p.status().name());
    }

    /**
     * The birth date in the first 15 digits of a number a spreadsheet stored as a number (3.41299198003120E+17, or the
     * rounded digits of a numeric cell): 6 of area, 8 of birth, the first of the sequence survive. Null when the value has
     * not 18 digits before the decimal point, or they hold no real date.
     */
    static java.time.LocalDate survivingBirth(String raw) {
        String digits;
        try {
            digits = new java.math.BigDecimal(raw.strip()).toBigInteger().toString();
        } catch (NumberFormatException e) {
            return null;
        }
        if (digits.length() != 18) return null;
        java.time.LocalDate birth = IdNumbers.birthDate(digits);
        return birth == null || birth.getYear() < 1900 ? null : birth;
    }

    /**
     * A number typed wrong, not no number: eighteen characters of which at most two, besides a final X, are not digits;
     * or seventeen or nineteen digits (a final X among them), one left out or typed twice. Such a record still names its
     * likeliest people in an item (RULES.md: "never dropped without an item"); 不详 or 12345 is no number at all.
     */
    static boolean mistypedNumber(String raw) {
        String v = raw.strip();
        if (v.length() < 17 || v.length() > 19) return false;
        char last = v.charAt(v.length() - 1);
        boolean finalX = last == 'X' || last == 'x';
        int wrong = v.length() - digits(v) - (finalX ? 1 : 0);
        return v.length() == 18 ? wrong <= 2 : wrong == 0;
    }

    private static void name(Cells c, RecordRow r) {
        String raw = c.raw("姓名");
        if (raw == null || raw.isBlank()) throw new InvalidValueException("姓名为空 (name missing)");
        Normalized<String> n = Names.normalize(raw);
        c.repairs.addAll(n.repairs());
        r.set(Column.NAME, n.value());
    }

    private static String sex(Cells c, String header, boolean required) {
        String raw = c.raw(header);
        if (raw == null || raw.isBlank()) {
            if (required) throw new InvalidValueException(header + "为空 (sex missing)");
            return null;
        }
        Sex s = Cells.named(header, () -> Sex.parse(raw));
        if (!raw.strip().equals(s.label())) c.repairs.add("性别代码转换");
        return s == Sex.MALE ? "M" : "F";
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) n++;
        return n;
    }

    /** Each loading thread keeps its digest: making one per row cost more than the hashing. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(DigestUtils::getSha256Digest);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The first 32 hex digits (16 bytes) of the SHA-256 of the source and the stripped values. */
    private static String rowHash(RawRow row) {
        StringBuilder sb = new StringBuilder(row.source().prefix());
        for (String v : row.values()) sb.append('\u001f').append(v == null ? "" : v.strip());
        byte[] digest = SHA256.get().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex);
    }

    /** Each source's canonical headers by name: looked up about fifteen times a row. */
    private static final Map<Source, Map<String, Integer>> INDEX = indexOfHeaders();

    private static Map<Source, Map<String, Integer>> indexOfHeaders() {
        Map<Source, Map<String, Integer>> bySource = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            Map<String, Integer> index = new HashMap<>();
            List<String> headers = s.headers();
            // the first of a name given twice, as List.indexOf found it
            for (int i = headers.size() - 1; i >= 0; i--) index.put(headers.get(i), i);
            bySource.put(s, index);
        }
        return bySource;
    }

    /** Access to a row's cells by header name, collecting repairs. */
    private static final class Cells {
        final RawRow row;
        final List<String> headers;
        final List<String> repairs = new ArrayList<>(2);
        /** the birth date encoded in a number whose last digits a spreadsheet dropped */
        java.time.LocalDate survivingBirth;

        Cells(RawRow row) {
            this.row = row;
            this.headers = row.source().headers();
        }

        String raw(String header) {
            return row.get(index(header));
        }

        RowCursor.CellKind kind(String header) {
            return row.kind(index(header));
        }

        private int index(String header) {
            Integer i = INDEX.get(row.source()).get(header);
            if (i == null) throw new IllegalArgumentException("unknown header " + header + " for " + row.source());
            return i;
        }

        String text(String header) {
            String v = raw(header);
            if (v == null) return null;
            v = v.replace('\u3000', ' ').strip();
            return v.isEmpty() ? null : v;
        }

        String required(String header) {
            String v = text(header);
            if (v == null) throw new InvalidValueException(header + "为空 (required value missing)");
            return v;
        }

        String optionalName(String header) {
            String v = raw(header);
            return v == null || v.isBlank() ? null : Names.normalize(v).value();
        }

        /** The record's status: the value of its source's list kept there (Source.statusList), or the row is rejected. */
        String status() {
            return code(row.source().statusList().orElseThrow());
        }

        /** The record's kind, for the sources whose kind is a fixed list (Source.kindList). */
        String kind() {
            return code(row.source().kindList().orElseThrow());
        }

        private String code(CodeList<?> list) {
            try {
                return list.parse(raw(list.header())).value();
            } catch (CodeList.RejectedValue e) {
                throw new InvalidValueException(e.getMessage());
            }
        }

        LocalDate date(String header, boolean required) {
            String v = raw(header);
            Normalized<LocalDate> d = named(header, () -> LenientDates.parseDate(v));
            if (d == null || d.value() == null) {
                if (required) throw new InvalidValueException(header + "为空 (date missing)");
                return null;
            }
            int year = d.value().getYear();
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new InvalidValueException(header + "：日期超出合理范围 (a date out of range, " + d.value() + ": a year from "
                        + MIN_YEAR + " to " + MAX_YEAR + " is expected)");
            }
            if (d.repaired()) repairs.add(header + "格式转换");
            return d.value();
        }

        YearMonth month(String header, boolean required) {
            Normalized<YearMonth> m = named(header, () -> LenientDates.parseMonth(raw(header)));
            if (m == null || m.value() == null) {
                if (required) throw new InvalidValueException(header + "为空 (month missing)");
                return null;
            }
            return m.value();
        }

        String area(String header, boolean required) {
            Normalized<AreaCodes.Area> a = named(header, () -> AreaCodes.parse(raw(header)));
            if (a == null || a.value() == null) {
                if (required) throw new InvalidValueException(header + "为空 (area code missing)");
                return null;
            }
            repairs.addAll(a.repairs());
            return a.value().code();
        }

        /** A value error says which column it is in. */
        static <T> T named(String header, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (InvalidValueException e) {
                throw new InvalidValueException(header + "：" + e.getMessage());
            }
        }

        String creditCode(String header) {
            String v = text(header);
            return v == null ? null : v.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        }
    }
}
