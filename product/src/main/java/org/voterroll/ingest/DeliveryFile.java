package org.voterroll.ingest;

import java.nio.file.Path;
import java.util.List;

import org.voterroll.codes.Source;

/**
 * One entry found in an inbox and what the scan made of it; {@code sheets} the workbook sheets that carry the
 * source's header, in order (null for CSV text); {@code message} why it is not read, or a note on how it was read.
 */
public record DeliveryFile(int fileNo, Path path, Source source, Status status, String encoding,
                           long sizeBytes, String sha256, String message, int[] columnOfHeader, List<Integer> sheets) {

    public DeliveryFile(int fileNo, Path path, Source source, Status status, String encoding, long sizeBytes, String sha256,
                        String message, int[] columnOfHeader) {
        this(fileNo, path, source, status, encoding, sizeBytes, sha256, message, columnOfHeader, null);
    }

    public enum Status {
        /** readable, every required header present */
        USABLE,
        /** a required header is missing, or the file cannot be read: its source keeps the previous snapshot */
        UNUSABLE,
        /** the name's prefix is no known source: reported and ignored */
        UNKNOWN_SOURCE,
        /** the same bytes as another file of the delivery: read once */
        DUPLICATE,
        /** not .csv or .xlsx */
        UNSUPPORTED,
        /** a symbolic link, a directory or another thing that is not a regular file: never opened */
        REFUSED,
        /** a second file for one part of a source (.csv and .xlsx, or two dates): neither is read, the source keeps its previous snapshot */
        CONFLICT
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    DeliveryFile numbered(int fileNo) {
        return new DeliveryFile(fileNo, path, source, status, encoding, sizeBytes, sha256, message, columnOfHeader, sheets);
    }

    DeliveryFile with(Status status, String message) {
        return new DeliveryFile(fileNo, path, source, status, encoding, sizeBytes, sha256,
                message, columnOfHeader, sheets);
    }
}
