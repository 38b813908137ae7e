package io.roomservice.sagas.notice;

import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.work.HomeserverWorkQueue;

import java.time.Duration;
import java.util.Locale;

/**
 * Keeps a room's notices in the order of the events that decided them. A notice's work key names its
 * room and the deciding event's position in the event store, zero-padded so that keys sort as positions
 * do; a notice posts only when no notice of its room with a lower key is still waiting or running.
 * Notices are separate pieces of work that several scheduler threads (and nodes) run at once.
 */
public final class NoticeOrder {

    /** How soon a notice that waits for an earlier one looks again. */
    public static final Duration WAIT = Duration.ofMillis(200);

    private NoticeOrder() {
    }

    public static String key(RoomId roomId, long position, String transactionId) {
        return prefix(roomId) + String.format(Locale.ROOT, "%019d", Math.max(0, position)) + ":" + transactionId;
    }

    /** Whether an earlier notice of the room has yet to be posted (or given up). */
    public static boolean waitsForAnEarlier(HomeserverWorkQueue queue, RoomId roomId, String key) {
        return queue.hasWaitingBefore(prefix(roomId), key);
    }

    private static String prefix(RoomId roomId) {
        return "notice:" + roomId + ":";
    }
}
