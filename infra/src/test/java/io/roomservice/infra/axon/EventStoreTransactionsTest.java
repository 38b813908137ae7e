package io.roomservice.infra.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTransactionsTest {

    private final List<String> started = new ArrayList<>();
    private final TransactionManager application = () -> {
        started.add("transaction");
        return new Transaction() {
            @Override
            public void commit() {
                started.add("commit");
            }

            @Override
            public void rollback() {
                started.add("rollback");
            }
        };
    };
    private final EventStoreTransactions transactions = new EventStoreTransactions(application);

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aReadOutsideAnyTransactionRunsWithoutStartingOne() {
        assertThat(transactions.fetchInTransaction(() -> "events")).isEqualTo("events");
        assertThat(started).isEmpty();
    }

    @Test
    void aReadInsideATransactionJoinsIt() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(transactions.fetchInTransaction(() -> "events")).isEqualTo("events");
        assertThat(started).containsExactly("transaction", "commit");
    }

    @Test
    void anAppendOutsideAnyTransactionStillGetsOne() {
        transactions.executeInTransaction(() -> started.add("append"));
        assertThat(started).containsExactly("transaction", "append", "commit");
    }
}
