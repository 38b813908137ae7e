package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.RecordGroupInvitations;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

class InviteGroupMembersHandlerTest {

    private static final String PUBLIC = "!public:example.org";
    private static final String PRIVATE = "!private:example.org";

    private final List<Object> reported = new ArrayList<>();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final GroupId groupId = GroupId.random();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();

    private final class Homeserver implements GroupHomeserver {
        final List<String> invited = new ArrayList<>();
        final List<String> moderators = new ArrayList<>();
        String refusedForGood;
        String failingForNow;

        @Override
        public GroupRooms ensureRooms(String slug, String name, String url, String p, String q) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void invite(String roomId, String matrixUserId) {
            if (matrixUserId.equals(refusedForGood)) {
                throw HomeserverException.permanentFailure("M_UNKNOWN: no such server");
            }
            if (matrixUserId.equals(failingForNow)) {
                throw HomeserverException.transientFailure("timeout", null);
            }
            invited.add(roomId + " " + matrixUserId);
        }

        @Override
        public void raiseToModerator(String roomId, Collection<String> matrixUserIds) {
            moderators.addAll(matrixUserIds);
        }

        @Override
        public void kick(String roomId, String matrixUserId, String reason) {
        }

        @Override
        public void announce(String roomId, String transactionId, String markdown) {
        }
    }

    private InviteGroupMembers work(String... matrixIds) {
        List<GroupInvitation> invitations = new ArrayList<>();
        for (String id : matrixIds) {
            invitations.add(new GroupInvitation(PUBLIC, id));
            invitations.add(new GroupInvitation(PRIVATE, id));
        }
        return new InviteGroupMembers(groupId, 1, PUBLIC, invitations, List.of(matrixIds));
    }

    private void recordReports() {
        doAnswer(call -> reported.add(((CommandMessage<?>) call.getArgument(0)).getPayload()))
                .when(commands).sendAndWait(any(), anyLong(), any(TimeUnit.class));
    }

    @Test
    void everyoneIsInvitedRaisedAndRecordedInTheLedger() {
        recordReports();
        var homeserver = new Homeserver();

        new InviteGroupMembersHandler(homeserver, commands, queue).run(work("@a:x", "@b:x"));

        assertThat(homeserver.invited).hasSize(4);
        assertThat(homeserver.moderators).containsExactly("@a:x", "@b:x");
        assertThat(reported).containsExactly(new RecordGroupInvitations(groupId, work("@a:x", "@b:x").invitations()));
    }

    @Test
    void someoneTheHomeserverRefusesForGoodIsSkippedAndNotRecorded() {
        recordReports();
        var homeserver = new Homeserver();
        homeserver.refusedForGood = "@gone:nowhere";

        new InviteGroupMembersHandler(homeserver, commands, queue).run(work("@gone:nowhere", "@b:x"));

        assertThat(reported).containsExactly(new RecordGroupInvitations(groupId, work("@b:x").invitations()));
    }

    @Test
    void aTransientFailureRecordsWhoWasInvitedBeforeTheWorkIsRetried() {
        recordReports();
        var homeserver = new Homeserver();
        homeserver.failingForNow = "@b:x";

        assertThatThrownBy(() -> new InviteGroupMembersHandler(homeserver, commands, queue).run(work("@a:x", "@b:x")))
                .isInstanceOf(HomeserverException.class);

        assertThat(reported).containsExactly(new RecordGroupInvitations(groupId, work("@a:x").invitations()));
    }

    @Test
    void aRoundWaitsWhileAnEarlierRoundOfItsGroupWaitsOrRuns() {
        var homeserver = new Homeserver();
        queue.submit(new InviteGroupMembers(groupId, 1, PUBLIC, List.of(), List.of()));
        var second = new InviteGroupMembers(groupId, 2, PUBLIC, work("@a:x").invitations(), List.of("@a:x"));

        var result = new InviteGroupMembersHandler(homeserver, commands, queue).run(second);

        assertThat(result.isDone()).isFalse();
        assertThat(homeserver.invited).isEmpty();
    }
}
