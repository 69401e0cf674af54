package org.voterroll.ingest;

import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.voterroll.store.BulkCopy;

/** Writes a chunk of results in the chunk's transaction: accepted rows to src_record, the others to reject. */
public class RecordWriter implements ItemWriter<IngestResult> {
    private static final List<String> RECORD_COLUMNS = Arrays.stream(Column.values()).map(Column::sqlName).toList();
    private static final List<String> REJECT_COLUMNS = List.of("run_id", "source", "file_name", "line_no", "reason", "raw");
    /** A raw line kept in the reject report is cut here: the report must stay openable. */
    private static final int MAX_RAW = 10_000;
    /** reject.reason's width: a reason may quote the value it refused */
    private static final int MAX_REASON = 1000;

    private final String runId;
    private final DataSource dataSource;

    public RecordWriter(String runId, DataSource dataSource) {
        this.runId = runId;
        this.dataSource = dataSource;
    }

    @Override
    public void write(Chunk<? extends IngestResult> chunk) throws Exception {
        Connection c = DataSourceUtils.getConnection(dataSource);
        boolean anyRejected = false;
        try (BulkCopy copy = BulkCopy.into(c, "src_record", RECORD_COLUMNS)) {
            Object[] values = new Object[RECORD_COLUMNS.size()];
            for (IngestResult r : chunk) {
                if (r instanceof IngestResult.Accepted a) {
                    for (Column col : Column.ALL) values[col.ordinal()] = a.record().get(col);
                    copy.add(values);
                } else {
                    anyRejected = true;
                }
            }
        }
        if (!anyRejected) return;
        try (BulkCopy copy = BulkCopy.into(c, "reject", REJECT_COLUMNS)) {
            for (IngestResult r : chunk) {
                if (r instanceof IngestResult.Rejected x) {
                    String raw = x.row().raw();
                    if (raw.length() > MAX_RAW) raw = raw.substring(0, MAX_RAW) + "…";
                    // PostgreSQL keeps no NUL in text: the rejected line is shown with the NUL bytes it was rejected for as \0
                    if (raw.indexOf('\0') >= 0) raw = raw.replace("\0", "\\0");
                    String reason = x.reason().length() > MAX_REASON ? x.reason().substring(0, MAX_REASON - 1) + "…" : x.reason();
                    copy.add(runId, x.row().source().prefix(), x.row().fileName(), x.row().lineNo(), reason, raw);
                }
            }
        }
    }
}
