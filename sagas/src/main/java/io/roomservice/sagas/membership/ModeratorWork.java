package io.roomservice.sagas.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.notice.NoticeOrder;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * A staff or support person joins the room as moderator ({@code joining}) or leaves it again; a notice
 * says so. The notice is one of the room's notices, so the work is keyed in the room's order of notices
 * ({@link NoticeOrder}) by the request's event and its position: it waits for the notices of earlier
 * events, later ones wait for it, and a leave never replaces the join before it.
 *
 * @param position the request event's position in the event store (0 in work stored before it was kept)
 */
public record ModeratorWork(RoomId roomId, String matrixRoomId, UserId userId, boolean joining,
                            String requestEventId, long position) implements HomeserverWork {

    @Override
    public String key() {
        return NoticeOrder.key(roomId, position, noticeTransactionId());
    }

    String noticeTransactionId() {
        return "rs-notice-" + requestEventId;
    }
}
