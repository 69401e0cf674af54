package org.voterroll.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One reconciliation run of one county, as kept in table run.
 *
 * @param matching the county's matching.yml as the run read it; null: the defaults
 */
public record Run(String runId, String countyCode, String countyName, LocalDate electionDay, LocalDate previousElectionDay,
                  int inMigrantMonths, Path countyDir, Path inboxDir, Path outDir, Path previousDir, String previousRunId,
                  String status, Long jobExecutionId, LocalDateTime startedAt, LocalDateTime finishedAt, String outputPath,
                  String message, String matching) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    /** stopped before publishing by guard.RunGuard: `confirm RUN_ID` publishes it */
    public static final String NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION";
    /** stopped for confirmation and refused by an operator: never published, never restarted */
    public static final String REFUSED = "REFUSED";

}
