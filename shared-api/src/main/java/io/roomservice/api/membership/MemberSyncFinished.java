package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

/**
 * A member sync of the room ended. {@code directoryPosition} is the global index up to which the
 * directory had applied every event when the sync read it; {@code failureReason} is null on success.
 */
@Revision("1")
public record MemberSyncFinished(RoomId roomId, long directoryPosition, String failureReason) {

    public boolean succeeded() {
        return failureReason == null;
    }
}
