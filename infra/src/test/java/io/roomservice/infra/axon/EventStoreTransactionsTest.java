package io.roomservice.infra.axon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTransactionsTest {

    private final RecordingTransactions appends = new RecordingTransactions();
    private final List<String> calls = appends.calls;
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
