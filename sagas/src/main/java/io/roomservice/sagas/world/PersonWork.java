package io.roomservice.sagas.world;

import io.roomservice.api.user.UserId;
import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.sagas.work.HomeserverWorkQueue;

import java.time.Duration;

/**
 * Homeserver work decided by one person's events. Its key orders it after every earlier work of the
 * same person (the event's sequence number, zero-padded, then the work's index within the event): a
 * leave's kick never overtakes the join of the enter before it, on any number of scheduler threads.
 */
public interface PersonWork extends HomeserverWork {

    Duration WAIT_FOR_EARLIER = Duration.ofMillis(100);

    UserId person();

    long sequence();

    int index();

    @Override
    default String key() {
        return prefix(person()) + String.format("%019d:%03d", sequence(), index());
    }

    static String prefix(UserId person) {
        return "world-person:" + person + ":";
    }

    /** Whether an earlier work of the same person still waits or runs. */
    default boolean waitsForEarlier(HomeserverWorkQueue queue) {
        return queue.hasWaitingBefore(prefix(person()), key());
    }
}
