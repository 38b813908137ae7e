package io.roomservice.infra.axon;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

/**
 * Transactions of the command bus, of the command-side look-ups and of the event store's appends and
 * reads (one instance, {@link CommandBusConfiguration}, handed to each as {@link #asAxonTransactionManager()}).
 *
 * <p>Nothing a command does needs JPA: the event store, the look-ups, the personal data keys and the
 * deadline store all work on JDBC. A command sent from an HTTP request therefore runs in a plain
 * JDBC transaction ({@link DataSourceTransactionManager}) on the same data source, instead of a JPA
 * transaction that opened a Hibernate session per command for nothing. A command sent while a JPA
 * transaction runs (a saga handling an event, a processor, the appservice set-up) takes part in that
 * transaction through the application's JPA transaction manager, exactly as before: it commits with
 * it, and its failure marks it rollback-only. The event store reads in it too: Spring cannot start a
 * JPA transaction inside a JDBC one on the same data source, which loading a command's aggregate would.
 *
 * <p>Deliberately not an Axon {@code TransactionManager} bean itself: Axon's auto-configuration
 * would then take it for the application's default, and the sagas' JPA store needs JPA transactions.
 */
public final class CommandTransactions {

    private final TransactionManager jpa;
    private final TransactionManager jdbc;
    private final EntityManagerFactory entityManagerFactory;

    public CommandTransactions(TransactionManager jpa, DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.jpa = jpa;
        this.jdbc = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        this.entityManagerFactory = entityManagerFactory;
    }

    public Transaction startTransaction() {
        return jpaTransactionRunning() ? jpa.startTransaction() : jdbc.startTransaction();
    }

    public TransactionManager asAxonTransactionManager() {
        return this::startTransaction;
    }

    private boolean jpaTransactionRunning() {
        return TransactionSynchronizationManager.hasResource(entityManagerFactory);
    }
}
