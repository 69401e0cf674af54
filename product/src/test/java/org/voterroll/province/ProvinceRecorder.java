package org.voterroll.province;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.run.Run;

/**
 * A province run over county runs made in the test's JVM, recorded as the manager and its workers record one — province_run,
 * province_county, the province job's executions in Spring Batch's repository (the partitioned step, each county's
 * partition, check, exchange) — with the real check over the counties' runs. No broker: for the pages that read runs
 * (ProvinceRunTest runs the real manager and workers). The exchange is not run: it would write into the counties' folders.
 */
public final class ProvinceRecorder {
    private ProvinceRecorder() {
    }

    /** @param runs job directory name → its completed county run */
    public static ProvinceRun completed(JobRepository repository, ProvinceRuns provinceRuns, DataSource dataSource, Path jobsDir, Path out,
                                        Map<String, Run> runs) throws Exception {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        // the manager's form of id (ProvinceService), a suffix as it adds one for a second run in the same second
        String id = "province-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(now);
        for (int i = 2; provinceRuns.find(id).isPresent(); i++) id = id.replaceFirst("(-\\d{6})(-\\d+)?$", "$1-" + i);
        List<String> jobs = List.copyOf(runs.keySet());
        provinceRuns.insert(new ProvinceRun(id, jobsDir, jobs, out, ProvinceRun.RUNNING, null, now, null, null, null));
        JobParameters params = new JobParametersBuilder().addString("provinceRunId", id).toJobParameters();
        JobInstance instance = repository.createJobInstance("province", params);
        JobExecution job = repository.createJobExecution(instance, params, new ExecutionContext());
        job.setStatus(BatchStatus.STARTED);
        job.setStartTime(now);
        repository.update(job);
        provinceRuns.started(id, job.getId());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        step(repository, job, "counties", 0);
        for (Map.Entry<String, Run> r : runs.entrySet()) {
            step(repository, job, "county:" + r.getKey(), 0);
            provinceRuns.countyRun(id, r.getKey(), r.getValue().countyCode(), r.getValue().runId(), Run.COMPLETED,
                    jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, r.getValue().runId()), "test-worker", now);
        }
        ProvinceRun run = provinceRuns.find(id).orElseThrow();
        step(repository, job, "check", new CrossCountyCheck(run, dataSource, Charset.forName("GB18030")).check());
        step(repository, job, "exchange", 0);
        job.setStatus(BatchStatus.COMPLETED);
        job.setEndTime(LocalDateTime.now());
        repository.update(job);
        provinceRuns.finish(id, ProvinceRun.COMPLETED, run.outputDir().toString(), null, LocalDateTime.now());
        return provinceRuns.find(id).orElseThrow();
    }

    /**
     * A province run still running over these completed county runs, recorded as the manager records one and its workers
     * their counties; no Spring Batch executions, no check (the tests run the check themselves).
     *
     * @param jobs the job directories of the run; each county run goes to the one whose name ends in its county code
     */
    public static ProvinceRun running(ProvinceRuns provinceRuns, JdbcTemplate jdbc, String id, Path jobsDir, Path out, List<String> jobs,
                                      LocalDateTime now, Run... countyRuns) {
        provinceRuns.insert(new ProvinceRun(id, jobsDir, jobs, out, ProvinceRun.RUNNING, null, now, null, null, null));
        for (Run r : countyRuns) {
            String job = jobs.stream().filter(j -> j.endsWith(r.countyCode())).findFirst().orElseThrow();
            provinceRuns.countyRun(id, job, r.countyCode(), r.runId(), Run.COMPLETED,
                    jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, r.runId()), "test", now);
        }
        return provinceRuns.find(id).orElseThrow();
    }

    /** A clerk's decision on a province item ({@code province_exception}'s row) as the web's decision desk stores it. */
    public static void decide(JdbcTemplate jdbc, Map<String, Object> item, String verdict, String note, LocalDateTime at) {
        jdbc.update("""
                INSERT INTO decision (county_code, fingerprint, code, verdict, district_code, note, decided_by, decided_at, run_id)
                VALUES (?, ?, ?, ?, NULL, ?, 'test-clerk', ?, ?)""", item.get("county_code"), item.get("fingerprint"), item.get("code"), verdict,
                note, java.sql.Timestamp.valueOf(at), item.get("run_id"));
    }

    private static void step(JobRepository repository, JobExecution job, String name, int written) {
        StepExecution s = repository.createStepExecution(name, job);
        s.setStartTime(LocalDateTime.now());
        s.setWriteCount(written);
        s.setStatus(BatchStatus.COMPLETED);
        s.setEndTime(LocalDateTime.now());
        repository.update(s);
    }
}
