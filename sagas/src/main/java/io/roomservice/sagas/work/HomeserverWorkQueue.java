package io.roomservice.sagas.work;

/**
 * Where sagas and reactors put the homeserver work they decided on. Called inside the transaction of
 * the event being handled: the work is stored with that transaction (and is gone if it rolls back),
 * and runs once it has committed, outside any transaction, retried with backoff on a persisted
 * schedule until its {@link HomeserverWorkHandler} reports an outcome.
 */
public interface HomeserverWorkQueue {

    /**
     * Stores the work to run as soon as this transaction commits. A waiting work with the same key is
     * replaced (its attempts start over); one that is running right now finishes as it is.
     */
    void submit(HomeserverWork work);

    /**
     * Withdraws the waiting work with this key. Returns false when there was none, or when it is
     * running right now (it then finishes and reports as usual).
     */
    boolean cancel(String key);

    /** Whether any work whose key starts with {@code keyPrefix} and sorts before {@code key} waits or runs. */
    boolean hasWaitingBefore(String keyPrefix, String key);
}
