package io.roomservice.sagas.membership;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.notice.PostOrderNotice;
import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.sagas.work.HomeserverWorkQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a {@link MemberSyncSaga} that waits for its room's running sync: role notices, and the
 * work held behind them. A room's notices keep the order of their events among the work in the queue
 * ({@code NoticeOrder}), but a role notice enters the queue only once the sync its event asked for is
 * done (then the directory can name the person, who is in the room to read it); so an order notice or a
 * staff leave decided meanwhile is held here until no role notice of an earlier event waits. A failed
 * sync is not waited for: its role notices wait for the next sync, what was held behind them goes.
 * Stored inside the saga, its fields at the saga's top level (the saga's stored shape before it).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
class RoomNoticeBacklog {

    private List<PendingNotice> pendingNotices = new ArrayList<>();
    /**
     * Moderator work held for the running sync: joins (that sync, planned without them, would kick them
     * again) and, while a role notice waits, leaves.
     */
    private List<ModeratorWork> joinsAfterSync = new ArrayList<>();
    private List<PostOrderNotice> noticesAfterSync = new ArrayList<>();

    void addRoleNotice(PendingNotice notice) {
        pendingNotices.add(notice);
    }

    /** The role notices whose events the finished sync has seen go to the queue. */
    void postRoleNotices(RoomId roomId, String matrixRoomId, long syncedPosition, HomeserverWorkQueue work) {
        pendingNotices.removeIf(notice -> notice.position() <= syncedPosition && submitted(new PostRoomNotice(roomId,
                matrixRoomId, "rs-notice-" + notice.eventId(), notice.userId(), notice.what(), notice.position()), work));
    }

    void holdJoin(ModeratorWork join) {
        joinsAfterSync.add(join);
    }

    /** A moderator who leaves again before their held join ran never joins. */
    void forgetModeratorWorkOf(UserId userId) {
        joinsAfterSync.removeIf(held -> held.userId().equals(userId));
    }

    void submitOrHold(ModeratorWork leave, boolean syncing, HomeserverWorkQueue work) {
        submitOrHold(leave, joinsAfterSync, syncing, work);
    }

    void submitOrHold(PostOrderNotice notice, boolean syncing, HomeserverWorkQueue work) {
        submitOrHold(notice, noticesAfterSync, syncing, work);
    }

    private <W extends HomeserverWork> void submitOrHold(W decided, List<W> held, boolean syncing,
                                                         HomeserverWorkQueue work) {
        if (syncing && !pendingNotices.isEmpty()) {
            held.add(decided); // every waiting role notice is of an earlier event than this one
        } else {
            work.submit(decided);
        }
    }

    /** After a sync reported: what was held goes unless a role notice of an earlier event waits for a running sync. */
    void release(boolean syncing, HomeserverWorkQueue work) {
        long firstWaiting = syncing ? pendingNotices.stream().mapToLong(PendingNotice::position).min()
                .orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
        joinsAfterSync.removeIf(held -> held.position() < firstWaiting && submitted(held, work));
        noticesAfterSync.removeIf(held -> held.position() < firstWaiting && submitted(held, work));
    }

    /** The room is paused: held order notices go, and the deactivation notice waits for them (they came first). */
    void releaseOrderNotices(HomeserverWorkQueue work) {
        noticesAfterSync.removeIf(held -> submitted(held, work));
    }

    private static boolean submitted(HomeserverWork held, HomeserverWorkQueue work) {
        work.submit(held);
        return true;
    }
}
