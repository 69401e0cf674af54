package org.voterroll.province;

import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.voterroll.run.RunClock;

/** Keeps province_run in step with the job: its execution, its end, and which partitions failed and why. */
@Component
@ConditionalOnProperty(name = "voter-roll.province.role", havingValue = "manager")
public class ProvinceRunListener implements JobExecutionListener {
    private final ProvinceRuns runs;
    private final JobRepository repository;

    public ProvinceRunListener(ProvinceRuns runs, JobRepository repository) {
        this.runs = runs;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runs.started(execution.getJobParameters().getString("provinceRunId"), execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        String id = execution.getJobParameters().getString("provinceRunId");
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            ProvinceRun run = runs.find(id).orElseThrow();
            runs.finish(id, ProvinceRun.COMPLETED, run.outputDir().toString(), null, RunClock.now());
            return;
        }
        // the partitions as the workers left them in the job repository (the manager's copies are those it sent)
        String failed = repository.getJobExecution(execution.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("county:") && s.getStatus() != BatchStatus.COMPLETED)
                .map(s -> s.getStepName().substring("county:".length()) + " " + s.getStatus() + firstLine(s.getExitStatus().getExitDescription()))
                .sorted().collect(Collectors.joining("; "));
        String causes = execution.getAllFailureExceptions().stream().map(t -> firstLine(String.valueOf(t.getMessage())))
                .distinct().collect(Collectors.joining(";"));
        String message = failed.isEmpty() ? causes.replaceFirst("^: ", "") : failed;
        runs.finish(id, ProvinceRun.FAILED, null, message.length() > 3900 ? message.substring(0, 3900) : message, RunClock.now());
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) return "";
        String line = s.strip().lines().findFirst().orElse("");
        return ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
}
