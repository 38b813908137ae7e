package io.roomservice.sagas.reconciliation;

import io.roomservice.sagas.homeserver.HomeserverException;

import java.util.List;
import java.util.function.Supplier;

/**
 * One thing the homeserver has otherwise than the events say.
 *
 * @param roomKind the reconciler's {@link Reconciler#roomKind()}
 * @param subject  what it is about in roomservice's terms, e.g. {@code group:<uuid>} or {@code room:<uuid>}
 * @param roomId   the Matrix room, null when the room itself is missing
 * @param kind     what differs: {@code rooms}, {@code alias}, {@code room-state}, {@code power-level},
 *                 {@code invite}, {@code membership} (each reconciler documents its own)
 * @param member   the Matrix user id it is about, null when none
 * @param detail   for people: what was found and what was expected
 */
public record Difference(String roomKind, String subject, String roomId, String kind, String member, String detail) {

    /** The kind of a room the homeserver does not show (gone, or the bot no longer in it): listed, never repaired. */
    public static final String UNREADABLE = "room";

    /**
     * The differences of one room, or, when the homeserver refuses for good to show it, that room as an
     * {@link #UNREADABLE} difference: one such room must not stop the comparison of the others. A
     * transient failure is thrown on (the whole run is tried again later).
     */
    public static List<Difference> ofRoom(String roomKind, String subject, String roomId,
                                          Supplier<List<Difference>> compare) {
        try {
            return compare.get();
        } catch (HomeserverException unreadable) {
            if (unreadable.isTransient()) {
                throw unreadable;
            }
            return List.of(new Difference(roomKind, subject, roomId, UNREADABLE, null,
                    "the homeserver does not show the room: " + unreadable.getMessage()));
        }
    }

    public boolean repairable() {
        return !UNREADABLE.equals(kind);
    }
}
