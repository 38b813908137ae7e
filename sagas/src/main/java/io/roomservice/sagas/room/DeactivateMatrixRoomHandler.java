package io.roomservice.sagas.room;

import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.profile.FindUserProfileByMatrixId;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.room.RecordMembersRemoved;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.membership.MemberHomeserver;
import io.roomservice.sagas.notice.NoticeOrder;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;
import java.util.Set;

/**
 * Posts the deactivation notice and kicks the members, each kick recorded on the room as the member
 * leaving, then reports the room emptied. The notice waits for the room's notices of earlier events
 * (an order or role notice still to be posted), and the kicks for the notice: the members read it. The bot stays: the room is never deleted on the homeserver,
 * and a reactivation brings the members back through it.
 */
public class DeactivateMatrixRoomHandler implements HomeserverWorkHandler<DeactivateMatrixRoom> {

    private static final Set<String> IN_THE_ROOM = Set.of("join", "invite", "knock");

    private final MemberHomeserver homeserver;
    private final MatrixIdentities identities;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final HomeserverWorkQueue queue;

    public DeactivateMatrixRoomHandler(MemberHomeserver homeserver, MatrixIdentities identities,
                                       QueryGateway queries, CommandGateway commands, HomeserverWorkQueue queue) {
        this.homeserver = homeserver;
        this.identities = identities;
        this.queries = queries;
        this.commands = commands;
        this.queue = queue;
    }

    @Override
    public Class<DeactivateMatrixRoom> workType() {
        return DeactivateMatrixRoom.class;
    }

    @Override
    public WorkResult run(DeactivateMatrixRoom work) {
        if (NoticeOrder.waitsForAnEarlier(queue, work.roomId(), work.noticeKey())) {
            return WorkResult.runAgainAfter(NoticeOrder.WAIT);
        }
        homeserver.sendNotice(work.matrixRoomId(), work.noticeTransactionId(), null, work.notice());
        var members = homeserver.roomState(work.matrixRoomId()).membership();
        for (var member : members.entrySet()) {
            // the bot's id is asked for only when someone is in the room: it needs the homeserver's domain
            if (IN_THE_ROOM.contains(member.getValue()) && !member.getKey().equals(identities.botUserId())) {
                homeserver.kick(work.matrixRoomId(), member.getKey(), DeactivateMatrixRoom.KICK_REASON);
                Reports.report(commands, new RecordMemberChanges(work.roomId(), List.of(left(member.getKey()))));
            }
        }
        Reports.report(commands, new RecordMembersRemoved(work.roomId(), work.disabling()));
        return WorkResult.done();
    }

    private MemberChange left(String matrixUserId) {
        UserProfileView profile = queries.query(new FindUserProfileByMatrixId(matrixUserId),
                ResponseTypes.instanceOf(UserProfileView.class)).join();
        return new MemberChange(profile == null ? null : profile.userId(), matrixUserId, Membership.LEFT, 0,
                DeactivateMatrixRoom.KICK_REASON);
    }

    /** The room goes to error with the step; a retry starts this work again and it goes on where it stopped. */
    @Override
    public void gaveUp(DeactivateMatrixRoom work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new RecordRoomFailure(work.roomId(),
                "Kicking the members failed after " + attemptsMade + " attempt(s): " + failure.getMessage()));
    }
}
