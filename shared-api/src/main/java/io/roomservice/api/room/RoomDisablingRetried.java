package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/**
 * Disabling was queued again, always without deleting history; it goes on from where it failed
 * (members already gone are not kicked again, the notice of the same disabling is not posted twice).
 * The fields are those of the {@link RoomDisablingStarted} it resumes.
 */
@Revision("1")
public record RoomDisablingRetried(RoomId roomId, String reason, String matrixRoomId, int disabling)
        implements RoomEvent {
}
