package io.roomservice.sagas.reconciliation;

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
}
