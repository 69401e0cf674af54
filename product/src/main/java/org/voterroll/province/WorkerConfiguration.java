package org.voterroll.province;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.voterroll.run.CountyLock;
import org.voterroll.ops.JobRunner;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.RunRepository;

/**
 * A province run's worker ({@code worker}): takes one partition request at a time from the queue (prefetch 1, acknowledged
 * when the partition has ended, so that the broker hands a request back when its worker dies) and runs the step
 * {@code county} (CountyTasklet) on the partition's step execution through Spring Batch's StepExecutionRequestHandler.
 */
@Configuration
@ConditionalOnProperty(name = "voter-roll.province.role", havingValue = "worker")
public class WorkerConfiguration {

    /**
     * Outside a transaction: the county's run is a Spring Batch job of its own, started and restarted from here, with its
     * own transactions (Spring Batch refuses to start a job inside one).
     */
    @Bean
    public Step countyStep(JobRepository repository, PlatformTransactionManager tm, CountyTasklet countyTasklet) {
        return new StepBuilder("county", repository).tasklet(countyTasklet, tm)
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .build();
    }

    @Bean
    public CountyTasklet countyTasklet(JobRunner jobRunner, ReconcileService reconcile, RunRepository runs, ProvinceRuns provinceRuns,
                                       JdbcTemplate jdbc) {
        return new CountyTasklet(jobRunner, reconcile, runs, provinceRuns, jdbc);
    }

    @Bean
    public Partitions partitions(JobRepository repository, CountyLock locks) {
        return new Partitions(repository, locks);
    }

    @Bean
    public PartitionRequests partitionRequestHandler(JobRepository repository, Step countyStep, Partitions partitions) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(repository);
        handler.setStepLocator(name -> {
            if (!"county".equals(name)) throw new IllegalArgumentException("a worker runs the step 'county', not '" + name + "'");
            return countyStep;
        });
        return new PartitionRequests(handler, repository, partitions);
    }

    @Bean
    public SimpleMessageListenerContainer partitionListener(ConnectionFactory connectionFactory, Queue partitionQueue) {
        SimpleMessageListenerContainer c = new SimpleMessageListenerContainer(connectionFactory);
        c.setQueueNames(partitionQueue.getName());
        c.setConcurrentConsumers(1);
        c.setPrefetchCount(1);
        c.setAcknowledgeMode(AcknowledgeMode.AUTO);
        // a request that cannot be read or handled is dropped with a log line, not handed back for ever; its partition
        // stays STARTING and a restart of the province run (after the manager's timeout) sends it again
        c.setDefaultRequeueRejected(false);
        return c;
    }

    @Bean
    public IntegrationFlow partitionRequestsFromBroker(SimpleMessageListenerContainer partitionListener, SimpleMessageConverter converter,
                                                       PartitionRequests partitionRequestHandler) {
        return IntegrationFlow.from(Amqp.inboundAdapter(partitionListener).messageConverter(converter))
                .handle(partitionRequestHandler, "handle")
                .get();
    }
}
