package io.roomservice.infra.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * The storage engine's transactions. Appends (Axon's engine runs them through
 * {@link #executeInTransaction}) keep the application's transaction manager: they join the unit of
 * work's transaction, or start one when there is none. Reads (through {@link #fetchInTransaction})
 * join a transaction that is already running, and otherwise run on their own: every streaming
 * processor polls the store on its own stream, and a transaction around each poll cost a JPA entity
 * manager, a BEGIN and a COMMIT for one SELECT. Under PostgreSQL's (and H2's) READ COMMITTED every
 * statement takes its own snapshot whether or not a transaction surrounds it, so what a read sees
 * does not change.
 */
final class EventStoreTransactions implements TransactionManager {

    private final TransactionManager transactions;

    EventStoreTransactions(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        return transactions.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> supplier) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transactions.fetchInTransaction(supplier);
        }
        return supplier.get();
    }
}
