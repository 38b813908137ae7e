package io.roomservice.sagas.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.notice.NoticeOrder;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * Post "<name of the person> <what>" in the room, once (the transaction id makes a repeat a no-op); with
 * {@code about} null, {@code what} alone (e.g. "Chat room was reactivated").
 */
public record PostRoomNotice(RoomId roomId, String matrixRoomId, String transactionId, UserId about, String what,
                             long position) implements HomeserverWork {

    /** @param position the deciding event's position in the event store: the room's notices keep its order */
    @Override
    public String key() {
        return NoticeOrder.key(roomId, position, transactionId);
    }
}
