package io.roomservice.infra.axon;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.transaction.Transaction;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Proxy;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTransactionsTest {

    private final RecordingTransactions jpa = new RecordingTransactions();
    private final List<String> jpaCalls = jpa.calls;
    private final EntityManagerFactory entityManagerFactory = (EntityManagerFactory) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{EntityManagerFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final CommandTransactions transactions;

    CommandTransactionsTest() {
        dataSource.setURL("jdbc:h2:mem:command-transactions");
        transactions = new CommandTransactions(jpa, dataSource, entityManagerFactory);
    }

    @AfterEach
    void unbind() {
        if (TransactionSynchronizationManager.hasResource(entityManagerFactory)) {
            TransactionSynchronizationManager.unbindResource(entityManagerFactory);
        }
    }

    @Test
    void aCommandOutsideAnyTransactionRunsInAJdbcTransactionOfItsOwn() {
        Transaction transaction = transactions.startTransaction();
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
        assertThat(TransactionSynchronizationManager.getResource(dataSource)).isInstanceOf(ConnectionHolder.class);
        transaction.commit();
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        assertThat(jpaCalls).isEmpty();
    }

    @Test
    void aCommandSentWhileAJpaTransactionRunsTakesPartInIt() {
        TransactionSynchronizationManager.bindResource(entityManagerFactory, new Object());
        transactions.startTransaction().commit();
        assertThat(jpaCalls).containsExactly("transaction", "commit");
    }
}
