package io.roomservice.infra.web;

import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retry of commands that lost an optimistic-locking race ({@link ConflictRetryScheduler}), for the
 * gateway of the HTTP adapters. Not on Axon's shared gateway: a saga or processor sends its commands
 * inside its own transaction, which a lost race has already marked for rollback, and its processor
 * retries the whole event anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandRetryProperties.class)
public class CommandRetryConfiguration {

    @Bean
    public RetryScheduler conflictRetryScheduler(CommandRetryProperties properties) {
        return ConflictRetryScheduler.of(properties);
    }
}
