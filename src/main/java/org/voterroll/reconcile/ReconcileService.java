package org.voterroll.reconcile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import org.voterroll.county.CountyConfig;
import org.voterroll.county.CountyConfigException;

/** Starts and restarts reconciliation runs. */
@Service
public class ReconcileService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final RunRepository runs;
    private final JobOperator operator;
    private final Job reconcileJob;
    private final JobRepository repository;

    public ReconcileService(RunRepository runs, JobOperator operator, Job reconcileJob, JobRepository repository) {
        this.runs = runs;
        this.repository = repository;
        this.operator = operator;
        this.reconcileJob = reconcileJob;
    }

    /** Checks the inputs, records the run and runs it to the end; returns the run as it finished. */
    public Run reconcile(Path countyDir, Path inbox, Path out, Path previous) throws Exception {
        requireDir(countyDir, "--county");
        requireDir(inbox, "--inbox");
        if (previous != null) requireDir(previous, "--previous");
        CountyConfig county = CountyConfig.load(countyDir);
        Files.createDirectories(out);
        LocalDateTime now = LocalDateTime.now();
        String runId = county.settings().countyCode() + "-" + STAMP.format(now);
        for (int i = 2; runs.find(runId).isPresent(); i++) runId = county.settings().countyCode() + "-" + STAMP.format(now) + "-" + i;
        String previousRun = previous != null ? null
                : runs.lastCompleted(county.settings().countyCode(), runId).map(Run::runId).orElse(null);
        var s = county.settings();
        runs.insert(new Run(runId, s.countyCode(), s.countyName(), s.electionDay(), s.previousElectionDay(), s.inMigrantMonths(),
                countyDir.toAbsolutePath(), inbox.toAbsolutePath(), out.toAbsolutePath(), previous == null ? null : previous.toAbsolutePath(),
                previousRun, Run.RUNNING, null, now, null, null, null));
        operator.start(reconcileJob, new JobParametersBuilder().addString("runId", runId).toJobParameters());
        return runs.find(runId).orElseThrow();
    }

    /** Restarts a failed or interrupted run where it stopped. */
    public Run restart(String runId) throws Exception {
        Run run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId + " — `runs` lists them"));
        if (Run.COMPLETED.equals(run.status())) return run;
        if (run.jobExecutionId() == null) throw new IllegalStateException("run " + runId + " never started a job");
        JobExecution last = repository.getJobExecution(run.jobExecutionId());
        if (last != null && last.isRunning()) {
            // left STARTED by a crash: nothing runs it any more (the county lock says so), mark it failed to restart it
            operator.recover(last);
        }
        operator.restart(run.jobExecutionId());
        return runs.find(runId).orElseThrow();
    }

    private static void requireDir(Path p, String option) {
        if (!Files.isDirectory(p)) throw new CountyConfigException(option + " " + p + " is not a directory");
    }
}
