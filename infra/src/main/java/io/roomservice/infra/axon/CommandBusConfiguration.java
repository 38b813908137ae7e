package io.roomservice.infra.axon;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The command bus Axon's auto-configuration would build (span factory, monitor, duplicate handler
 * resolution, correlation data), on {@link CommandTransactions} instead of the application's JPA
 * transactions. Qualified {@code localSegment}, so that the {@code axonserver} profile routes through
 * it as it would through Axon's own.
 */
@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean
    public CommandTransactions commandTransactions(TransactionManager transactionManager, DataSource dataSource,
                                                   EntityManagerFactory entityManagerFactory) {
        return new CommandTransactions(transactionManager, dataSource, entityManagerFactory);
    }

    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(org.axonframework.config.Configuration axon, CommandTransactions transactions,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactions.asAxonTransactionManager())
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }
}
