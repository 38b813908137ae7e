package io.roomservice.infra.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.util.ArrayList;
import java.util.List;

/** An Axon transaction manager that only records what was asked of it, for the transaction tests. */
final class RecordingTransactions implements TransactionManager {

    final List<String> calls = new ArrayList<>();

    @Override
    public Transaction startTransaction() {
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
    }
}
