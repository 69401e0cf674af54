package org.voterroll.province;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.voterroll.county.CountyConfigException;
import org.voterroll.run.CountyLock;
import org.voterroll.run.RunClock;

/** Starts and restarts province runs (the manager's side) and reads how their counties ended. */
@Service
@ConditionalOnProperty(name = "voter-roll.province.role", havingValue = "manager")
public class ProvinceService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ProvinceRuns runs;
    private final JobOperator operator;
    private final Job provinceJob;
    private final JobRepository repository;
    private final Partitions partitions;
    private final JdbcTemplate jdbc;
    private final ProvinceLock managers;

    public ProvinceService(ProvinceRuns runs, JobOperator operator, @Qualifier("provinceJob") Job provinceJob, JobRepository repository,
                           CountyLock locks, JdbcTemplate jdbc, ProvinceLock managers) {
        this.runs = runs;
        this.operator = operator;
        this.provinceJob = provinceJob;
        this.repository = repository;
        this.partitions = new Partitions(repository, locks);
        this.jdbc = jdbc;
        this.managers = managers;
    }

    /**
     * A province run over the given county job directories of {@code jobsDir} (every directory with a job.yml when none is
     * given), run to its end: returns it as it finished. Every county's files are checked before anything starts.
     */
    public ProvinceRun start(Path jobsDir, List<String> counties, Path out) throws Exception {
        if (!Files.isDirectory(jobsDir)) throw new CountyConfigException("--jobs-dir " + jobsDir + " is not a directory");
        List<String> names = counties.isEmpty() ? allJobs(jobsDir) : List.copyOf(counties);
        if (names.isEmpty()) throw new CountyConfigException(jobsDir + ": no county job directories (<county>/job.yml)");
        Map<String, String> byCode = new HashMap<>();
        for (String name : names) {
            if (name.isBlank() || name.contains(",") || name.contains("/")) throw new IllegalArgumentException("--counties: '" + name + "' is not a job directory name");
            String code = Partitions.countyCode(jobsDir.resolve(name));
            String other = byCode.put(code, name);
            if (other != null) throw new CountyConfigException("county " + code + " is both " + other + " and " + name + " of " + jobsDir);
        }
        LocalDateTime now = RunClock.now();
        String id = "province-" + STAMP.format(now);
        for (int i = 2; runs.find(id).isPresent(); i++) id = "province-" + STAMP.format(now) + "-" + i;
        Files.createDirectories(out);
        try (ProvinceLock.Held held = managers.acquire(id)) {
            runs.insert(new ProvinceRun(id, jobsDir.toAbsolutePath().normalize(), names, out.toAbsolutePath().normalize(), ProvinceRun.RUNNING,
                    null, now, null, null, null));
            operator.start(provinceJob, new JobParametersBuilder().addString("provinceRunId", id).toJobParameters());
        }
        return runs.find(id).orElseThrow();
    }

    /**
     * Restarts a failed province run: only its partitions that did not complete run again (each finishing its county's own
     * run, CountyTasklet), then the checks. A partition still recorded as running whose county nobody runs any more lost its
     * worker and is marked failed first; one whose county is being run refuses the restart.
     */
    public ProvinceRun restart(String provinceRunId) throws Exception {
        ProvinceRun run = runs.find(provinceRunId).orElseThrow(() -> new IllegalArgumentException("no province run " + provinceRunId));
        if (ProvinceRun.COMPLETED.equals(run.status())) return run;
        if (run.jobExecutionId() == null) throw new IllegalStateException("province run " + provinceRunId + " never started its job");
        try (ProvinceLock.Held held = managers.acquire(provinceRunId)) {
            return restartHeld(run);
        }
    }

    private ProvinceRun restartHeld(ProvinceRun run) throws Exception {
        String provinceRunId = run.provinceRunId();
        JobExecution last = repository.getJobExecution(run.jobExecutionId());
        for (StepExecution s : last.getStepExecutions()) {
            if (s.getStepName().startsWith("county:") && s.getStatus().isRunning() && !partitions.failIfAbandoned(s)) {
                throw new CountyLock.CountyBusyException("province run " + provinceRunId + ": " + s.getStepName()
                        + " is still being run by a worker (its county's lock is held); restart when it has ended");
            }
        }
        // the manager that ran it stopped (kill, crash): its execution is left STARTED
        if (last.isRunning()) operator.recover(last);
        operator.restart(run.jobExecutionId());
        return runs.find(provinceRunId).orElseThrow();
    }

    /** Every county of the run: its partition's last status, the county run it ran and that run's listed voters. */
    public List<CountyResult> results(String provinceRunId) {
        ProvinceRun run = runs.find(provinceRunId).orElseThrow();
        JobExecution execution = run.jobExecutionId() == null ? null : repository.getJobExecution(run.jobExecutionId());
        List<CountyResult> results = new ArrayList<>();
        for (String name : run.counties()) {
            StepExecution partition = execution == null ? null : repository.getLastStepExecution(execution.getJobInstance(), "county:" + name);
            var rows = jdbc.queryForList("""
                    SELECT pc.county_code, r.county_name, pc.run_id, r.status, pc.listed, pc.worker, r.message
                    FROM province_county pc LEFT JOIN run r ON r.run_id = pc.run_id
                    WHERE pc.province_run_id = ? AND pc.job_name = ?""", provinceRunId, name);
            Map<String, Object> r = rows.isEmpty() ? Map.of() : rows.get(0);
            String description = partition == null ? null : partition.getExitStatus().getExitDescription();
            results.add(new CountyResult(name, partition == null ? "NOT STARTED" : partition.getStatus().name(), (String) r.get("county_code"),
                    (String) r.get("county_name"), (String) r.get("run_id"), (String) r.get("status"),
                    r.get("listed") == null ? null : ((Number) r.get("listed")).longValue(), (String) r.get("worker"),
                    description == null || description.isBlank() ? (String) r.get("message") : description.strip().lines().findFirst().orElse("")));
        }
        return results;
    }

    /** The province run's items of one code (CROSS_COUNTY_DUPLICATE, CERTIFICATE_REQUEST). */
    public int items(String provinceRunId, String code) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM province_exception WHERE province_run_id = ? AND code = ?", Integer.class,
                provinceRunId, code);
        return n == null ? 0 : n;
    }

    private static List<String> allJobs(Path jobsDir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(jobsDir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("job.yml"))).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }
}
