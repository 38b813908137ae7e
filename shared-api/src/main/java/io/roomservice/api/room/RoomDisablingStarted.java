package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/**
 * Kick-and-archive began.
 *
 * @param reason       why, for the room's notice ("project termination"), or null
 * @param matrixRoomId the Matrix room to empty, or null when the room never got one
 * @param disabling    counts the room's disablings from 1: names this one's notice, so that a retry
 *                     does not post it again (0 in events recorded before it was kept)
 */
@Revision("1")
public record RoomDisablingStarted(RoomId roomId, boolean deleteHistory, String reason, String matrixRoomId,
                                   int disabling) implements RoomEvent {
}
