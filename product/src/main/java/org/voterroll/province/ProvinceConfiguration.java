package org.voterroll.province;

import java.util.List;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;

/**
 * What the manager and the workers of a province run share: the durable RabbitMQ queue the partition requests travel on
 * ({@code voter-roll.province.queue}), and how a request is written on it (Spring Batch's StepExecutionRequest, Java
 * serialization, readable only as that class). Present only in the processes of a province run
 * ({@code voter-roll.province.role} manager or worker): the nightly job and the web application never touch the broker.
 * The broker itself is Spring Boot's {@code spring.rabbitmq.*} (ops/README.md "Province runs").
 */
@Configuration
@EnableIntegration
@ConditionalOnProperty("voter-roll.province.role")
public class ProvinceConfiguration {

    @Bean
    public Queue partitionQueue(@Value("${voter-roll.province.queue:voter-roll.partitions}") String name) {
        return new Queue(name, true);
    }

    @Bean
    public SimpleMessageConverter partitionMessageConverter() {
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of("org.springframework.batch.integration.partition.StepExecutionRequest", "java.lang.*"));
        return converter;
    }
}
