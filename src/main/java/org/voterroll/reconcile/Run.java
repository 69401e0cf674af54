package org.voterroll.reconcile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One reconciliation run of one county, as kept in table run. */
public record Run(String runId, String countyCode, String countyName, LocalDate electionDay, LocalDate previousElectionDay,
                  int inMigrantMonths, Path countyDir, Path inboxDir, Path outDir, Path previousDir, String previousRunId,
                  String status, Long jobExecutionId, LocalDateTime startedAt, LocalDateTime finishedAt, String outputPath,
                  String message) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    /** stopped before publishing by ops.RunGuard: `confirm RUN_ID` publishes it */
    public static final String NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION";
}
