package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/**
 * Disabling was queued again; it goes on from where it failed (members already gone are not kicked
 * again, the notice of the same disabling is not posted twice). The fields are those of the
 * {@link RoomDisablingStarted} it resumes, delete_history included: unlike v1, which retried with
 * delete_history false, a caller who asked for the history to be deleted never gets it exported by a
 * retry. Events recorded before the field was kept read as false, which is what those retries did.
 */
@Revision("1")
public record RoomDisablingRetried(RoomId roomId, String reason, String matrixRoomId, int disabling,
                                   boolean deleteHistory) implements RoomEvent {
}
