package io.roomservice.sagas.membership;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.notice.NoticeOrder;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a role notice. A notice is informative: when it cannot be posted the work queue's log and
 * meter record that, and nothing else waits for it; a posted notice comes back in the homeserver's
 * transactions and is recorded in the room's timeline.
 */
public class PostRoomNoticeHandler implements HomeserverWorkHandler<PostRoomNotice> {

    private static final Logger log = LoggerFactory.getLogger(PostRoomNoticeHandler.class);

    private final RoomNotices notices;
    private final HomeserverWorkQueue queue;

    public PostRoomNoticeHandler(RoomNotices notices, HomeserverWorkQueue queue) {
        this.notices = notices;
        this.queue = queue;
    }

    @Override
    public Class<PostRoomNotice> workType() {
        return PostRoomNotice.class;
    }

    @Override
    public WorkResult run(PostRoomNotice work) {
        if (NoticeOrder.waitsForAnEarlier(queue, work.roomId(), work.key())) {
            return WorkResult.runAgainAfter(NoticeOrder.WAIT);
        }
        notices.post(work.matrixRoomId(), work.transactionId(), work.about(), work.what());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(PostRoomNotice work, HomeserverException failure, int attemptsMade) {
        log.warn("A notice about {} could not be posted in room {}: {}", work.about(), work.roomId(),
                failure.getMessage());
    }
}
