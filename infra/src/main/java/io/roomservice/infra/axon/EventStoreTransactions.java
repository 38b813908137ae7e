package io.roomservice.infra.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.util.function.Supplier;

/**
 * The storage engine's transactions. Appends (Axon's engine runs them through
 * {@link #executeInTransaction}) take part in the unit of work's transaction, or start one when there
 * is none ({@link CommandTransactions}). Reads (through {@link #fetchInTransaction}) never start one:
 * inside a unit of work they run on its transaction's connection, and a streaming processor's poll is
 * a single SELECT on an auto-commit connection. Every processor polls the store on its own stream, and
 * a transaction around each poll cost a JPA entity manager, a BEGIN and a COMMIT for one SELECT. Under
 * PostgreSQL's (and H2's) READ COMMITTED every statement takes its own snapshot whether or not a
 * transaction surrounds it, so what a read sees does not change.
 */
final class EventStoreTransactions implements TransactionManager {

    private final TransactionManager appends;

    EventStoreTransactions(TransactionManager appends) {
        this.appends = appends;
    }

    @Override
    public Transaction startTransaction() {
        return appends.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> supplier) {
        return supplier.get();
    }
}
