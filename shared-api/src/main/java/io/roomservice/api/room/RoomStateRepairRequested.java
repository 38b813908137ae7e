package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/**
 * The Matrix room is to get its alias (bound to it, and its canonical alias) and its name again, as the
 * room's events say; {@code alias} is null for a room created without one (its alias was taken).
 */
@Revision("1")
public record RoomStateRepairRequested(RoomId roomId, String matrixRoomId, String alias, String name) {
}
