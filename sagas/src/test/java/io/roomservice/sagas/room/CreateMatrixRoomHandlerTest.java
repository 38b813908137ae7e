package io.roomservice.sagas.room;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RecordRoomProvisioned;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Creating a room on the homeserver, and what the work reports to the room. */
class CreateMatrixRoomHandlerTest {

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CreateMatrixRoom work = new CreateMatrixRoom(roomId, projectId, "Apollo");
    private final CommandGateway commands = mock(CommandGateway.class);

    private CommandMessage<?> reported() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.captor();
        verify(commands).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        return sent.getValue();
    }

    @Test
    void aCreatedRoomIsReportedProvisionedWithItsMatrixIdAndAliasAsTheSystemActor() {
        var handler = new CreateMatrixRoomHandler(
                (Creating) spec -> new ProvisionedRoom("!apollo:example.org", "#rs-apollo:example.org"), commands);

        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(reported().getPayload())
                .isEqualTo(new RecordRoomProvisioned(roomId, "!apollo:example.org", "#rs-apollo:example.org"));
        assertThat(reported().getMetaData()).containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR);
    }

    @Test
    void theHomeserverIsAskedForTheProjectsRoom() {
        var asked = new RoomSpec[1];
        new CreateMatrixRoomHandler((Creating) spec -> {
            asked[0] = spec;
            return new ProvisionedRoom("!apollo:example.org", null);
        }, commands).run(work);

        assertThat(asked[0]).isEqualTo(new RoomSpec(roomId, projectId, "Apollo"));
    }

    @Test
    void aHomeserverFailureIsLeftToTheQueueAndNothingIsReported() {
        var handler = new CreateMatrixRoomHandler((Creating) spec -> {
            throw HomeserverException.transientFailure("502 Bad Gateway", null);
        }, commands);

        assertThatThrownBy(() -> handler.run(work)).isInstanceOf(HomeserverException.class);
        verify(commands, never()).sendAndWait(any(), anyLong(), any(TimeUnit.class));
    }

    @Test
    void givingUpAfterTransientFailuresPutsTheRoomInErrorSayingHowManyAttemptsWereMade() {
        new CreateMatrixRoomHandler((Creating) spec -> null, commands)
                .gaveUp(work, HomeserverException.transientFailure("Homeserver unreachable", null), 3);

        assertThat(reported().getPayload()).isEqualTo(new RecordRoomFailure(roomId,
                "Creating the room failed after 3 attempts: Homeserver unreachable"));
    }

    @Test
    void givingUpOnAPermanentFailurePutsTheRoomInErrorWithTheHomeserversMessage() {
        new CreateMatrixRoomHandler((Creating) spec -> null, commands)
                .gaveUp(work, HomeserverException.permanentFailure("M_FORBIDDEN: no rooms for you"), 1);

        assertThat(reported().getPayload()).isEqualTo(new RecordRoomFailure(roomId,
                "Creating the room failed: M_FORBIDDEN: no rooms for you"));
    }

    @Test
    void aRoomThatRefusesTheReportEndsTheWorkQuietly() {
        when(commands.sendAndWait(any(), anyLong(), any(TimeUnit.class))).thenThrow(
                new CommandRejectedException(RejectionReason.WRONG_STATE, "wrong-state", "The room was deleted."));

        var handler = new CreateMatrixRoomHandler((Creating) spec -> new ProvisionedRoom("!apollo:example.org", null),
                commands);

        assertThat(handler.run(work).isDone()).isTrue();
    }

    @Test
    void aReportThatCannotBeStoredFailsTheRunSoThatItIsTriedAgain() {
        when(commands.sendAndWait(any(), anyLong(), any(TimeUnit.class)))
                .thenThrow(new IllegalStateException("database unavailable"));

        var handler = new CreateMatrixRoomHandler((Creating) spec -> new ProvisionedRoom("!apollo:example.org", null),
                commands);

        assertThatThrownBy(() -> handler.run(work)).hasMessage("database unavailable");
    }

    /** A homeserver that only creates rooms, written as a lambda. */
    private interface Creating extends Homeserver {
        @Override
        default void renameRoom(String matrixRoomId, String name) {
            throw new UnsupportedOperationException("not part of creating a room");
        }

        @Override
        default void repairRoom(String matrixRoomId, String alias, String name) {
            throw new UnsupportedOperationException("not part of creating a room");
        }
    }
}
