package org.voterroll.province;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/** A province (or city) run: the counties' nightly jobs of {@code jobsDir} run as one Spring Batch job, then the province-wide checks. */
public record ProvinceRun(String provinceRunId, Path jobsDir, List<String> counties, Path outDir, String status, Long jobExecutionId,
                          LocalDateTime startedAt, LocalDateTime finishedAt, String outputPath, String message) {
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    /** The directory of the province run's own files: {@code <out>/province/<province run id>/}. */
    public Path outputDir() {
        return outDir.resolve("province").resolve(provinceRunId);
    }
}
