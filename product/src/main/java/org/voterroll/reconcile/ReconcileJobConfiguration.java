package org.voterroll.reconcile;

import java.nio.charset.Charset;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.voterroll.county.MatchingFile;
import org.voterroll.identity.ResolveTasklet;
import org.voterroll.run.ProgressReporter;
import org.voterroll.guard.RunGuard;
import org.voterroll.run.Run;
import org.voterroll.run.RunRepository;
import org.voterroll.run.StepHooks;
import org.voterroll.roll.PublishTasklet;
import org.voterroll.roll.RollTasklet;
import org.voterroll.rules.DecideTasklet;

/**
 * The nightly reconciliation: prepare → load (partitioned by source) → resolve identities → decide
 * (rules) → roll and books → guard (guard.RunGuard) → publish files. Every step clears its own run-scoped rows first, so a
 * restarted run redoes an unfinished step from a clean slate.
 */
@Configuration
public class ReconcileJobConfiguration {

    @Bean
    public Job reconcileJob(JobRepository repository, Step prepareStep, @Qualifier("loadStep") Step loadStep, Step resolveStep,
                            Step decideStep, Step rollStep, Step guardStep, Step publishStep, RunStatusListener listener,
                            ProgressReporter progress) {
        return new JobBuilder("reconcile", repository)
                .listener(listener)
                .listener(progress)
                .start(prepareStep).next(loadStep).next(resolveStep).next(decideStep).next(rollStep).next(guardStep).next(publishStep)
                .build();
    }

    @Bean
    public Step prepareStep(JobRepository repository, PlatformTransactionManager tm, StepHooks hooks, PrepareTasklet prepareTasklet) {
        return new StepBuilder("prepare", repository).tasklet(prepareTasklet, tm).listener(hooks).build();
    }

    @Bean
    public Step resolveStep(JobRepository repository, PlatformTransactionManager tm, StepHooks hooks, ResolveTasklet resolveTasklet) {
        return new StepBuilder("resolve", repository).tasklet(resolveTasklet, tm).listener(hooks).build();
    }

    @Bean
    public Step decideStep(JobRepository repository, PlatformTransactionManager tm, StepHooks hooks, DecideTasklet decideTasklet) {
        return new StepBuilder("decide", repository).tasklet(decideTasklet, tm).listener(hooks).build();
    }

    @Bean
    public Step rollStep(JobRepository repository, PlatformTransactionManager tm, StepHooks hooks, RollTasklet rollTasklet) {
        return new StepBuilder("roll", repository).tasklet(rollTasklet, tm).listener(hooks).build();
    }

    @Bean
    public Step publishStep(JobRepository repository, PlatformTransactionManager tm, StepHooks hooks, PublishTasklet publishTasklet) {
        return new StepBuilder("publish", repository).tasklet(publishTasklet, tm).listener(hooks).build();
    }

    /** Before publishing: the delivery is unchanged, no source shrank sharply, the roll changes as usual (guard.RunGuard). */
    @Bean
    public Step guardStep(JobRepository repository, PlatformTransactionManager tm, StepHooks hooks, RunGuard guardTasklet) {
        return new StepBuilder("guard", repository).tasklet(guardTasklet, tm).listener(hooks).build();
    }

    @Bean
    @StepScope
    public RunGuard guardTasklet(@Value("#{jobParameters['runId']}") String runId, RunRepository runs, JdbcTemplate jdbc,
                                 @Value("${voter-roll.guard.max-source-shrink:0.3}") double maxShrink,
                                 @Value("${voter-roll.guard.min-source-rows:10}") long minRows,
                                 @Value("${voter-roll.guard.max-roll-change:0.35}") double maxChange,
                                 @Value("${voter-roll.guard.min-roll-lines:10}") long minLines) {
        return new RunGuard(runs.find(runId).orElseThrow(), jdbc, new RunGuard.Limits(maxShrink, minRows, maxChange, minLines));
    }

    @Bean
    @StepScope
    public PrepareTasklet prepareTasklet(@Value("#{jobParameters['runId']}") String runId, RunRepository runs, JdbcTemplate jdbc,
                                         DataSource dataSource) {
        return new PrepareTasklet(runs.find(runId).orElseThrow(), jdbc, dataSource, runs);
    }

    @Bean
    @StepScope
    public ResolveTasklet resolveTasklet(@Value("#{jobParameters['runId']}") String runId, RunRepository runs, DataSource dataSource) {
        Run run = runs.find(runId).orElseThrow();
        return new ResolveTasklet(runId, run.countyCode(), MatchingFile.of(run), dataSource);
    }

    @Bean
    @StepScope
    public DecideTasklet decideTasklet(@Value("#{jobParameters['runId']}") String runId, RunRepository runs, DataSource dataSource) {
        return new DecideTasklet(runs.find(runId).orElseThrow(), dataSource);
    }

    @Bean
    @StepScope
    public RollTasklet rollTasklet(@Value("#{jobParameters['runId']}") String runId, RunRepository runs, DataSource dataSource) {
        return new RollTasklet(runs.find(runId).orElseThrow(), dataSource);
    }

    @Bean
    @StepScope
    public PublishTasklet publishTasklet(@Value("#{jobParameters['runId']}") String runId, RunRepository runs, DataSource dataSource,
                                         @Value("${voter-roll.output-encoding:GB18030}") String encoding) {
        return new PublishTasklet(runs.find(runId).orElseThrow(), dataSource, Charset.forName(encoding));
    }

    @Bean
    public TaskExecutor partitionExecutor() {
        ThreadPoolTaskExecutor e = new ThreadPoolTaskExecutor();
        e.setCorePoolSize(2);
        e.setMaxPoolSize(2);
        e.setThreadNamePrefix("load-");
        e.initialize();
        return e;
    }
}
