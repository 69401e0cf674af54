package org.voterroll.roll;

/**
 * The text of an output cell on one line: Excel shows a cell with a line break in it as a tall multi-line cell, and a
 * tab or a full-width space in an address or a note is noise a clerk cannot see. Line breaks, tabs, full-width spaces
 * (U+3000) and every other whitespace become one space, runs of them one space, and the ends are trimmed.
 */
public final class Cells {
    private Cells() {}

    public static String fold(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || c == '\u200B' || c == '\uFEFF';
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
