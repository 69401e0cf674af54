package org.voterroll.generate;

import java.time.LocalDate;

/** Date and value formats of SOURCES.md. */
final class Fmt {
    private Fmt() {
    }

    static void appendCompact(StringBuilder b, LocalDate d) {
        b.append(d.getYear());
        two(b, d.getMonthValue());
        two(b, d.getDayOfMonth());
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }

    static String iso(LocalDate d) {
        if (d == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(10).append(d.getYear()).append('-');
        two(b, d.getMonthValue());
        b.append('-');
        two(b, d.getDayOfMonth());
        return b.toString();
    }

    /** one of the five date formats of SOURCES.md (mostly YYYY-MM-DD) */
    static String date(LocalDate d, Rng r) {
        if (d == null) {
            return "";
        }
        int k = r.nextInt(100);
        if (k < 70) {
            return iso(d);
        }
        if (k < 78) {
            StringBuilder b = new StringBuilder();
            appendCompact(b, d);
            return b.toString();
        }
        if (k < 86) {
            return d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
        }
        if (k < 93) {
            return d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();
        }
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** a month-only field (出生年月): YYYYMM, YYYY-MM or YYYY年M月 */
    static String month(LocalDate d, Rng r) {
        int k = r.nextInt(3);
        StringBuilder b = new StringBuilder().append(d.getYear());
        if (k == 0) {
            two(b, d.getMonthValue());
        } else if (k == 1) {
            b.append('-');
            two(b, d.getMonthValue());
        } else {
            b.append('年').append(d.getMonthValue()).append('月');
        }
        return b.toString();
    }

    static String sex(boolean male, Rng r, double codeRate) {
        if (r.chance(codeRate)) {
            return male ? "1" : "2";
        }
        return male ? "男" : "女";
    }

    static String sex(boolean male) {
        return male ? "男" : "女";
    }

    static LocalDate between(LocalDate from, LocalDate to, Rng r) {
        long a = from.toEpochDay();
        long b = to.toEpochDay();
        if (b < a) {
            throw new IllegalArgumentException(from + " > " + to);
        }
        return LocalDate.ofEpochDay(a + r.nextLong(b - a + 1));
    }
}
