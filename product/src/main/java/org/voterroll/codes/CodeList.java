package org.voterroll.codes;

import java.util.List;
import java.util.Optional;

/**
 * One fixed list of SOURCES.md: the column of a source that holds it, and its codes. {@link #parse} is load's reading of
 * a delivered cell, {@link #find} the rules' reading of the value load stored.
 */
public final class CodeList<E extends Enum<E> & Code> {
    /** Why a delivered cell is none of its list's values: the reason of the row in the reject report. */
    public static final class RejectedValue extends IllegalArgumentException {
        RejectedValue(String reason) {
            super(reason);
        }
    }

    private final Source source;
    private final String header;
    private final List<E> codes;

    CodeList(Source source, String header, Class<E> type) {
        if (!source.headers().contains(header)) throw new IllegalArgumentException(source + " has no column " + header);
        this.source = source;
        this.header = header;
        this.codes = List.of(type.getEnumConstants());
    }

    public Source source() { return source; }

    /** The column's header in the source's files. */
    public String header() { return header; }

    /** The codes in SOURCES.md's order. */
    public List<E> codes() { return codes; }

    /**
     * The code of a delivered cell, whose surrounding spaces (ideographic ones too) and inner ASCII or ideographic spaces
     * are ignored (正 常 is 正常: a clerk's typing, not another value). Every list load checks is of a required column, so
     * an empty cell is rejected as missing.
     *
     * @throws RejectedValue an empty cell, or a value that is none of the list's, with the reason in the reject report's words
     */
    public E parse(String cell) {
        String v = cell == null ? "" : cell.replace('\u3000', ' ').strip().replace(" ", "");
        if (v.isEmpty()) throw new RejectedValue(header + "为空 (required value missing)");
        return find(v).orElseThrow(() -> new RejectedValue(header + "取值无效 (unknown value): " + v));
    }

    /**
     * The code of a value as src_record keeps it (exactly the code's value); empty for null and for a value off the list,
     * which only a column load does not check can hold.
     */
    public Optional<E> find(String stored) {
        if (stored == null) return Optional.empty();
        for (E c : codes) if (c.value().equals(stored)) return Optional.of(c);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return source.prefix() + " " + header;
    }
}
