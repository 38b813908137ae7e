package io.roomservice.sagas.membership;

import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RecordMemberSync;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** One member sync as homeserver work: what it reports, and when it waits for the directory instead. */
class SyncRoomMembersHandlerTest {

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final SyncRoomMembers work = new SyncRoomMembers(roomId, "!room:example.org", projectId, 41, Set.of(),
            Set.of());
    private final MemberSynchronizer synchronizer = mock(MemberSynchronizer.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final SyncRoomMembersHandler handler =
            new SyncRoomMembersHandler(synchronizer, mock(QueryGateway.class), commands);

    private void syncFinds(MemberSynchronizer.Result result) {
        when(synchronizer.sync(eq(roomId), eq("!room:example.org"), eq(projectId), eq(41L), anySet(), anySet()))
                .thenReturn(result);
    }

    private Object reported() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.captor();
        verify(commands).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        return sent.getValue().getPayload();
    }

    @Test
    void aFinishedSyncReportsWhatItChangedAndTheDirectoryPositionItSaw() {
        var joined = List.of(new MemberChange(UserId.random(), "@rs-ada:example.org", Membership.JOINED, 0, "role"));
        syncFinds(new MemberSynchronizer.Result(MemberSynchronizer.Outcome.DONE, 57, joined));

        assertThat(handler.run(work).isDone()).isTrue();
        assertThat(reported()).isEqualTo(new RecordMemberSync(roomId, 57, joined, null));
    }

    @Test
    void aDirectoryBehindTheRequestMakesTheSyncWaitWithoutReporting() {
        syncFinds(MemberSynchronizer.Result.of(MemberSynchronizer.Outcome.DIRECTORY_BEHIND));

        assertThat(handler.run(work).runAgainAfter()).isEqualTo(SyncRoomMembersHandler.DIRECTORY_WAIT);
        verify(commands, never()).sendAndWait(any(), anyLong(), any(TimeUnit.class));
    }

    @Test
    void givingUpReportsTheSyncAsFailedAtThePositionItWasAskedFor() {
        handler.gaveUp(work, HomeserverException.transientFailure("Homeserver unreachable", null), 6);

        assertThat(reported()).isEqualTo(new RecordMemberSync(roomId, 41, List.of(),
                "Member sync failed after 6 attempt(s): Homeserver unreachable"));
    }
}
