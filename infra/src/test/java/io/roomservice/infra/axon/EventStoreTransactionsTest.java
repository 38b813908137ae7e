package io.roomservice.infra.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTransactionsTest {

    private final List<String> calls = new ArrayList<>();
    private final TransactionManager appends = () -> {
        calls.add("transaction");
        return new Transaction() {
            @Override
            public void commit() {
                calls.add("commit");
            }

            @Override
            public void rollback() {
                calls.add("rollback");
            }
        };
    };
    private final EventStoreTransactions transactions = new EventStoreTransactions(appends);

    @Test
    void aReadRunsWithoutStartingATransaction() {
        assertThat(transactions.fetchInTransaction(() -> "events")).isEqualTo("events");
        assertThat(calls).isEmpty();
    }

    @Test
    void anAppendRunsInTheTransactionOfItsManager() {
        transactions.executeInTransaction(() -> calls.add("append"));
        assertThat(calls).containsExactly("transaction", "append", "commit");
    }
}
