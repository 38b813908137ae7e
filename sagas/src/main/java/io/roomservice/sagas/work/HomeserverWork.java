package io.roomservice.sagas.work;

/**
 * Homeserver work that a saga or reactor decided on while handling an event. It is recorded in the
 * same database transaction as that decision and run afterwards, outside any transaction, at least
 * once: every kind of work must be safe to repeat on the homeserver (transaction ids for sends,
 * look-up before create, "already joined" and "already left" taken as done).
 *
 * <p>Implementations are records; they are stored as JSON with Axon's serializer until they have run.
 */
public interface HomeserverWork {

    /**
     * What makes two pieces of work the same: work submitted while an earlier one with the same key is
     * still waiting replaces it.
     */
    String key();
}
