package io.roomservice.sagas.membership;

import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.profile.FindUserProfiles;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.profile.UserProfiles;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.notice.NoticeOrder;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Joins or leaves as moderator, records the membership change on the room, and posts the notice; not
 * before the room's notices of earlier events are posted, so that its notice keeps its event's place.
 */
public class ModeratorWorkHandler implements HomeserverWorkHandler<ModeratorWork> {

    private static final Logger log = LoggerFactory.getLogger(ModeratorWorkHandler.class);

    private final MemberSynchronizer synchronizer;
    private final RoomNotices notices;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final HomeserverWorkQueue queue;

    public ModeratorWorkHandler(MemberSynchronizer synchronizer, RoomNotices notices, QueryGateway queries,
                                CommandGateway commands, HomeserverWorkQueue queue) {
        this.synchronizer = synchronizer;
        this.notices = notices;
        this.queries = queries;
        this.commands = commands;
        this.queue = queue;
    }

    @Override
    public Class<ModeratorWork> workType() {
        return ModeratorWork.class;
    }

    @Override
    public WorkResult run(ModeratorWork work) {
        if (NoticeOrder.waitsForAnEarlier(queue, work.roomId(), work.key())) {
            return WorkResult.runAgainAfter(NoticeOrder.WAIT);
        }
        if (work.joining()) {
            synchronizer.joinModerator(work.roomId(), work.matrixRoomId(), work.userId()).ifPresent(change -> {
                Reports.report(commands, new RecordMemberChanges(work.roomId(), List.of(change)));
                notices.post(work.matrixRoomId(), work.noticeTransactionId(), work.userId(),
                        "joined the room.");
            });
            return WorkResult.done();
        }
        UserProfileView profile = queries.query(new FindUserProfiles(Set.of(work.userId())),
                ResponseTypes.instanceOf(UserProfiles.class)).join().byUser().get(work.userId());
        if (profile != null) {
            notices.post(work.matrixRoomId(), work.noticeTransactionId(), work.userId(), "left the room.");
            var change = synchronizer.leaveModerator(work.roomId(), work.matrixRoomId(), work.userId(),
                    profile.matrixUserId());
            Reports.report(commands, new RecordMemberChanges(work.roomId(), List.of(change)));
        }
        return WorkResult.done();
    }

    /** The person asked now and saw the answer of their request only: the log says why it did not happen. */
    @Override
    public void gaveUp(ModeratorWork work, HomeserverException failure, int attemptsMade) {
        log.warn("{} could not {} room {}: {}", work.userId(), work.joining() ? "join" : "leave", work.roomId(),
                failure.getMessage());
    }
}
