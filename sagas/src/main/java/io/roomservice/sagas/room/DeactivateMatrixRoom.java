package io.roomservice.sagas.room;

import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.notice.Markdown;
import io.roomservice.sagas.notice.NoticeOrder;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * Kick-and-archive's homeserver steps: post the notice, then kick every member who is not left or
 * banned. Both are safe to repeat: the notice's transaction id is the disabling's, and a run kicks only
 * who the homeserver still lists, so a retry goes on where the last run stopped.
 *
 * @param disabling the room's disabling this belongs to (see {@code RoomDisablingStarted})
 * @param position  the position in the event store of the event that started (or retried) the disabling:
 *                  the notice's place in the room's order of notices (0 in work stored before it was kept)
 */
public record DeactivateMatrixRoom(RoomId roomId, String matrixRoomId, int disabling, String reason, long position)
        implements HomeserverWork {

    static final String KICK_REASON = "Chat room was deactivated";

    @Override
    public String key() {
        return "deactivate:" + roomId;
    }

    String notice() {
        return reason == null || reason.isBlank() ? KICK_REASON : KICK_REASON + " due to " + Markdown.escape(reason);
    }

    String noticeTransactionId() {
        return "rs-deactivated-" + roomId + "-" + disabling;
    }

    /**
     * The notice's place among the room's notices ({@link NoticeOrder}). The work keeps its own key: a
     * retried disabling replaces it, and nothing later waits for it, as no notice is decided for a room
     * that is being disabled.
     */
    String noticeKey() {
        return NoticeOrder.key(roomId, position, noticeTransactionId());
    }
}
