package org.voterroll.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.voterroll.codes.Source;
import org.voterroll.run.Run;
import org.voterroll.run.RunRepository;

/**
 * The load step: one partition per source delivered fresh tonight, each a chunk-oriented step
 * reader (files of the source) → processor (normalise or reject) → writer (COPY).
 */
@Configuration
public class IngestStepConfiguration {
    static final int CHUNK = 5000;

    @Bean
    public Step loadStep(JobRepository repository, @Qualifier("loadSourceStep") Step loadSourceStep,
                         Partitioner sourcePartitioner, @Qualifier("partitionExecutor") TaskExecutor executor) {
        return new StepBuilder("load", repository)
                .partitioner("loadSource", sourcePartitioner)
                .step(loadSourceStep)
                .taskExecutor(executor)
                .gridSize(2)
                .build();
    }

    @Bean
    public Step loadSourceStep(JobRepository repository, PlatformTransactionManager tm, SourceFilesReader sourceFilesReader,
                               ItemProcessor<RawRow, IngestResult> recordProcessor, RecordWriter recordWriter,
                               org.voterroll.run.StepHooks hooks) {
        return new StepBuilder("loadSource", repository)
                .<RawRow, IngestResult>chunk(CHUNK)
                .transactionManager(tm)
                .reader(sourceFilesReader)
                .processor(recordProcessor)
                .writer(recordWriter)
                .listener(hooks)
                .build();
    }

    /** One partition per source whose delivery tonight is usable. */
    @Bean
    @StepScope
    public Partitioner sourcePartitioner(@Value("#{jobParameters['runId']}") String runId, JdbcTemplate jdbc) {
        return gridSize -> {
            Map<String, ExecutionContext> parts = new LinkedHashMap<>();
            jdbc.query("SELECT source, snapshot_id FROM run_source WHERE run_id = ? AND state = 'FRESH' ORDER BY source",
                    rs -> {
                        ExecutionContext ctx = new ExecutionContext();
                        ctx.putString("source", rs.getString(1));
                        ctx.putLong("snapshotId", rs.getLong(2));
                        parts.put("source-" + rs.getString(1), ctx);
                    }, runId);
            return parts;
        };
    }

    @Bean
    @StepScope
    public SourceFilesReader sourceFilesReader(@Value("#{jobParameters['runId']}") String runId,
                                               @Value("#{stepExecutionContext['source']}") String source,
                                               RunRepository runs, JdbcTemplate jdbc) {
        Run run = runs.find(runId).orElseThrow();
        return new SourceFilesReader(runId, Source.ofPrefix(source).orElseThrow(), run.inboxDir(), run.countyDir(), jdbc);
    }

    @Bean
    @StepScope
    public ItemProcessor<RawRow, IngestResult> recordProcessor(@Value("#{jobParameters['runId']}") String runId,
                                                               @Value("#{stepExecutionContext['snapshotId']}") Long snapshotId, RunRepository runs) {
        // the run's own start, not the clock: a restart days later decides every row as the first attempt did
        RecordMapper mapper = new RecordMapper(runs.find(runId).orElseThrow().startedAt().toLocalDate());
        return row -> mapper.map(row, snapshotId);
    }

    @Bean
    @StepScope
    public RecordWriter recordWriter(@Value("#{jobParameters['runId']}") String runId, DataSource dataSource) {
        return new RecordWriter(runId, dataSource);
    }
}
