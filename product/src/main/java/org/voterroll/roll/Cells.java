package org.voterroll.roll;

/**
 * The text of an output cell on one line: Excel shows a cell with a line break in it as a tall multi-line cell, and a
 * tab or a full-width space in an address or a note is noise a clerk cannot see. Line breaks, tabs, full-width spaces
 * (U+3000) and every other whitespace become one space, runs of them one space, and the ends are trimmed.
 */
public final class Cells {
    private Cells() {}

    /** Whether each char is one to fold, worked out once: the test of every char of 200 MB of output cost a tenth of publish. */
    private static final boolean[] SPACE = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            SPACE[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || c == '\u200B' || c == '\uFEFF';
        }
    }

    public static String fold(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = SPACE[c];
            if (ws) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
                space = true;
                continue;
            }
            if (b != null) {
                if (space && !b.isEmpty()) b.append(' ');
                b.append(c);
            }
            space = false;
        }
        return b == null ? s : b.toString();
    }
}
