package io.roomservice.sagas.notice;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * Post "Order <verb>: <type> of <offering> (requested by <name|System>)." in the room, once: the
 * transaction id is derived from the order's event. Type and offering are kept as markdown already
 * escaped; the name is read when the notice is posted, so it is never stored with the work.
 */
public record PostOrderNotice(RoomId roomId, String matrixRoomId, String transactionId, UserId requestedBy,
                              String verb, String type, String offering, long position)
        implements HomeserverWork {

    /** In the room's order of notices ({@link NoticeOrder}). */
    @Override
    public String key() {
        return NoticeOrder.key(roomId, position, transactionId);
    }
}
