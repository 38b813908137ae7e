package io.roomservice.sagas.notice;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.RoomNotices;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts an order notice; informative like a role notice, so giving up is logged and nothing waits for it. */
public class PostOrderNoticeHandler implements HomeserverWorkHandler<PostOrderNotice> {

    private static final Logger log = LoggerFactory.getLogger(PostOrderNoticeHandler.class);

    private final RoomNotices notices;
    private final HomeserverWorkQueue queue;

    public PostOrderNoticeHandler(RoomNotices notices, HomeserverWorkQueue queue) {
        this.notices = notices;
        this.queue = queue;
    }

    @Override
    public Class<PostOrderNotice> workType() {
        return PostOrderNotice.class;
    }

    @Override
    public WorkResult run(PostOrderNotice work) {
        if (NoticeOrder.waitsForAnEarlier(queue, work.roomId(), work.key())) {
            return WorkResult.runAgainAfter(NoticeOrder.WAIT);
        }
        notices.postOrder(work.matrixRoomId(), work.transactionId(), work.requestedBy(), work.verb(), work.type(),
                work.offering());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(PostOrderNotice work, HomeserverException failure, int attemptsMade) {
        log.warn("An order notice could not be posted in room {}: {}", work.roomId(), failure.getMessage());
    }
}
