package io.roomservice.sagas.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * A staff or support person joins the room as moderator ({@code joining}) or leaves it again; a notice
 * says so. Keyed by the request's event, so that a leave never replaces the join before it.
 */
public record ModeratorWork(RoomId roomId, String matrixRoomId, UserId userId, boolean joining,
                            String requestEventId) implements HomeserverWork {

    @Override
    public String key() {
        return "moderator:" + requestEventId;
    }

    String noticeTransactionId() {
        return "rs-notice-" + requestEventId;
    }
}
