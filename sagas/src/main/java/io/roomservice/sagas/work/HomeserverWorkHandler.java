package io.roomservice.sagas.work;

import io.roomservice.sagas.homeserver.HomeserverException;

/**
 * Runs one kind of {@link HomeserverWork}, outside any database transaction, and reports what happened
 * with a command. The queue calls {@link #run} until it returns or throws a permanent failure, and
 * {@link #gaveUp} when a failure is permanent or the attempts are used up.
 */
public interface HomeserverWorkHandler<W extends HomeserverWork> {

    Class<W> workType();

    /**
     * Does the homeserver calls and reports the outcome. A {@link HomeserverException} that is transient
     * makes the queue try again later; any other exception too (e.g. the database was away while the
     * outcome was reported), so a report is never lost.
     */
    WorkResult run(W work);

    /** Reports that the work could not be done: the failure is permanent or the attempts ran out. */
    void gaveUp(W work, HomeserverException failure, int attemptsMade);
}
