package io.roomservice.sagas.room;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoomDisablingSagaTest {

    private final RoomId roomId = RoomId.random();

    private SagaTestFixture<RoomDisablingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RoomDisablingSaga.class);
    }

    @Test
    void aDisablingRoomIsArchived() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomDisablingStarted(roomId, true, "Project finished"))
                .expectActiveSagas(1)
                .expectAssociationWith("roomId", roomId.toString())
                .expectDispatchedCommands(new ArchiveRoom(roomId));
    }

    @Test
    void theArchiveCommandIsSentAsTheSystemActor() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomDisablingStarted(roomId, false, "Project finished"));

        assertThat(fixture.getCommandBus().getDispatchedCommands())
                .singleElement()
                .satisfies(command -> assertThat(command.getMetaData())
                        .containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    @Test
    void aRetriedDisablingArchivesTheRoom() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomDisablingRetried(roomId))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ArchiveRoom(roomId));
    }

    @Test
    void aRetryWhileTheSagaIsStillRunningArchivesAgainWithoutASecondSaga() {
        fixture.givenAPublished(new RoomDisablingStarted(roomId, true, "Project finished"))
                .whenPublishingA(new RoomDisablingRetried(roomId))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ArchiveRoom(roomId));
    }

    @Test
    void theSagaEndsWhenTheRoomIsArchived() {
        fixture.givenAPublished(new RoomDisablingStarted(roomId, true, "Project finished"))
                .whenPublishingA(new RoomArchived(roomId))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void theSagaEndsWhenTheRoomFailed() {
        fixture.givenAPublished(new RoomDisablingStarted(roomId, true, "Project finished"))
                .whenPublishingA(new RoomFailed(roomId, RoomState.DISABLING, "Kicking members failed"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
