package org.voterroll.ingest;

import java.nio.file.Path;

/** One file found in an inbox and what the scan made of it. */
public record DeliveryFile(int fileNo, Path path, Source source, Status status, String encoding,
                           long sizeBytes, String sha256, String message, int[] columnOfHeader) {

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
        UNSUPPORTED
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
