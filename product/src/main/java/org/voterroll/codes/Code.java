package org.voterroll.codes;

/** A value of one of SOURCES.md's fixed lists. */
public interface Code {
    /** The Chinese of SOURCES.md: what the agency writes, what src_record keeps and the outputs show. */
    String value();
}
