package org.voterroll.ingest;

/**
 * The quoting of a CSV file as the parser reads it, one character at a time (or one ASCII byte: the structural
 * characters {@code " , \r \n} and the blanks allowed after a closing quote are never part of a multi-byte character
 * in UTF-8 or GB18030). {@link CsvRowCursor.RecordGuard} follows it to name the line of a broken quote and
 * {@link CsvQuickCheck} to tell a file the parser cannot fail on; one automaton, so that the two cannot disagree.
 */
final class CsvQuoting {
    /** What a character did to the quoting, where a caller has something to note. */
    enum Step {
        NONE,
        /** a quoted field opened */
        QUOTE_OPENED,
        /** characters other than blanks followed a closing quote: the parser may refuse the field */
        TEXT_AFTER_QUOTE
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

    private State state = State.FIELD_START;

    Step next(int c) {
        boolean cr = c == '\r';
        boolean lf = c == '\n';
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                    return Step.QUOTE_OPENED;
                }
                if (c != ',' && !cr && !lf) state = State.UNQUOTED;
            }
            case UNQUOTED -> {
                if (c == ',' || cr || lf) state = State.FIELD_START;
            }
            case QUOTED -> {
                if (c == '"') state = State.QUOTE_IN_QUOTED;
            }
            case QUOTE_IN_QUOTED -> {
                if (c == '"') state = State.QUOTED;
                else return afterQuoted(c, cr, lf);
            }
            case AFTER_QUOTED -> {
                return afterQuoted(c, cr, lf);
            }
        }
        return Step.NONE;
    }

    private Step afterQuoted(int c, boolean cr, boolean lf) {
        if (c == ',' || cr || lf) {
            state = State.FIELD_START;
        } else if (c == ' ' || c == '\t') {
            state = State.AFTER_QUOTED;
        } else {
            state = State.UNQUOTED;
            return Step.TEXT_AFTER_QUOTE;
        }
        return Step.NONE;
    }

    /** Inside a quoted field that has not closed. */
    boolean inQuotes() {
        return state == State.QUOTED;
    }

    /** Between fields: a line break here ends the record. */
    boolean atFieldStart() {
        return state == State.FIELD_START;
    }

    /** Characters that did not reach the automaton (bytes that only looked like a byte-order mark) began a plain field. */
    void inUnquotedField() {
        state = State.UNQUOTED;
    }
}
