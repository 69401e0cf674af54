package org.voterroll.province;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The province run's manager ({@code province}): the job {@code province} = the partitioned step {@code counties}, one
 * partition per county job directory, each sent to the workers as a Spring Batch StepExecutionRequest over RabbitMQ,
 * the manager polling the job repository for the partitions' ends (Spring Batch's MessageChannelPartitionHandler) → the
 * step {@code check}, the province-wide checks over the counties' runs (CrossCountyCheck). A restart of a failed province
 * run re-runs only the partitions that did not complete (Spring Batch's restart of a partitioned step).
 */
@Configuration
@ConditionalOnProperty(name = "voter-roll.province.role", havingValue = "manager")
public class ManagerConfiguration {

    @Bean
    public Job provinceJob(JobRepository repository, Step countiesStep, Step provinceCheckStep, Step noticeExchangeStep,
                           ProvinceRunListener listener) {
        return new JobBuilder("province", repository).listener(listener).start(countiesStep).next(provinceCheckStep).next(noticeExchangeStep)
                .build();
    }

    @Bean
    public Step countiesStep(JobRepository repository, Partitioner countyPartitioner, DirectChannel partitionRequests,
                             @Value("${voter-roll.province.poll-interval:5s}") Duration pollInterval,
                             @Value("${voter-roll.province.timeout:24h}") Duration timeout) {
        return new RemotePartitioningManagerStepBuilder("counties", repository)
                .partitioner("county", countyPartitioner)
                .outputChannel(partitionRequests)
                .pollInterval(pollInterval.toMillis())
                .timeout(timeout.toMillis())
                .build();
    }

    /** One partition per county job directory of the province run, named after it (the partition step is {@code county:<name>}). */
    @Bean
    @StepScope
    public Partitioner countyPartitioner(@Value("#{jobParameters['provinceRunId']}") String provinceRunId, ProvinceRuns runs) {
        ProvinceRun run = runs.find(provinceRunId).orElseThrow();
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String county : run.counties()) {
                ExecutionContext c = new ExecutionContext();
                c.putString(CountyTasklet.JOB_NAME, county);
                c.putString(CountyTasklet.JOB_DIR, run.jobsDir().resolve(county).toAbsolutePath().normalize().toString());
                partitions.put(county, c);
            }
            return partitions;
        };
    }

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    public IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, AmqpTemplate amqpTemplate, Queue partitionQueue) {
        return IntegrationFlow.from(partitionRequests)
                .handle(Amqp.outboundAdapter(amqpTemplate).routingKey(partitionQueue.getName()))
                .get();
    }

    @Bean
    public Step provinceCheckStep(JobRepository repository, PlatformTransactionManager tm, CrossCountyCheck crossCountyCheck) {
        return new StepBuilder("check", repository).tasklet(crossCountyCheck, tm).build();
    }

    @Bean
    @StepScope
    public CrossCountyCheck crossCountyCheck(@Value("#{jobParameters['provinceRunId']}") String provinceRunId, ProvinceRuns runs,
                                             DataSource dataSource, @Value("${voter-roll.output-encoding:GB18030}") String encoding) {
        return new CrossCountyCheck(runs.find(provinceRunId).orElseThrow(), dataSource, Charset.forName(encoding));
    }

    @Bean
    public Step noticeExchangeStep(JobRepository repository, PlatformTransactionManager tm, NoticeExchange noticeExchange) {
        return new StepBuilder("exchange", repository).tasklet(noticeExchange, tm).build();
    }

    @Bean
    @StepScope
    public NoticeExchange noticeExchange(@Value("#{jobParameters['provinceRunId']}") String provinceRunId, ProvinceRuns runs,
                                         DataSource dataSource, @Value("${voter-roll.output-encoding:GB18030}") String encoding) {
        return new NoticeExchange(runs.find(provinceRunId).orElseThrow(), dataSource, Charset.forName(encoding));
    }
}
