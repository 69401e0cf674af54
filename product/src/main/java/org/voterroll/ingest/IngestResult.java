package org.voterroll.ingest;

/** What became of one input row: accepted into src_record, or rejected with a reason. */
public sealed interface IngestResult {
    RawRow row();

    record Accepted(RawRow row, RecordRow record, boolean repaired) implements IngestResult {}

    record Rejected(RawRow row, String reason) implements IngestResult {}
}
