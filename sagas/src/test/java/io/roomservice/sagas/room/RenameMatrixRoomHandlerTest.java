package io.roomservice.sagas.room;

import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/** Renaming a Matrix room: the name goes to the homeserver; failures are left to the work queue. */
class RenameMatrixRoomHandlerTest {

    private final Homeserver homeserver = mock(Homeserver.class);
    private final RenameMatrixRoomHandler handler = new RenameMatrixRoomHandler(homeserver);
    private final RenameMatrixRoom work = new RenameMatrixRoom(RoomId.random(), "!apollo:example.org", "Artemis");

    @Test
    void theMatrixRoomIsGivenTheNewName() {
        assertThat(handler.run(work).isDone()).isTrue();

        verify(homeserver).renameRoom("!apollo:example.org", "Artemis");
        verifyNoMoreInteractions(homeserver);
    }

    @Test
    void aTransientFailureReachesTheQueueToBeRetried() {
        var unreachable = HomeserverException.transientFailure("Homeserver unreachable", null);
        doThrow(unreachable).when(homeserver).renameRoom("!apollo:example.org", "Artemis");

        assertThatThrownBy(() -> handler.run(work)).isSameAs(unreachable);
    }

    @Test
    void givingUpTouchesNothingMore() {
        handler.gaveUp(work, HomeserverException.permanentFailure("M_FORBIDDEN"), 1);

        verifyNoMoreInteractions(homeserver);
    }
}
