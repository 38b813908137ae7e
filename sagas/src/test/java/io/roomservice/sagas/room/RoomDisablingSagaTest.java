package io.roomservice.sagas.room;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomMembersRemoved;
import io.roomservice.api.room.RoomState;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomDisablingSagaTest {

    private static final String MATRIX_ROOM = "!apollo:example.org";

    private final RoomId roomId = RoomId.random();
    private final RecordingWorkQueue work = new RecordingWorkQueue();

    private SagaTestFixture<RoomDisablingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RoomDisablingSaga.class);
        fixture.registerResource(work);
    }

    private RoomDisablingStarted started(String reason) {
        return new RoomDisablingStarted(roomId, false, reason, MATRIX_ROOM, 1);
    }

    @Test
    void a_disabling_room_first_has_its_matrix_room_emptied() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started("project termination"))
                .expectActiveSagas(1)
                .expectAssociationWith("roomId", roomId.toString())
                .expectNoDispatchedCommands();

        assertThat(work.submitted(DeactivateMatrixRoom.class)).singleElement().satisfies(deactivate -> {
            assertThat(deactivate.matrixRoomId()).isEqualTo(MATRIX_ROOM);
            assertThat(deactivate.notice()).isEqualTo("Chat room was deactivated due to project termination");
            assertThat(deactivate.noticeTransactionId()).endsWith("-1");
        });
    }

    @Test
    void without_a_reason_the_notice_says_only_that_the_room_was_deactivated() {
        fixture.givenNoPriorActivity().whenPublishingA(started(null));

        assertThat(work.submitted(DeactivateMatrixRoom.class)).singleElement()
                .satisfies(deactivate -> assertThat(deactivate.notice()).isEqualTo("Chat room was deactivated"));
    }

    @Test
    void once_the_members_are_removed_the_room_is_archived_as_the_system_actor() {
        fixture.givenAPublished(started(null))
                .whenPublishingA(new RoomMembersRemoved(roomId, 1))
                .expectDispatchedCommands(new ArchiveRoom(roomId));

        assertThat(fixture.getCommandBus().getDispatchedCommands()).singleElement()
                .satisfies(command -> assertThat(command.getMetaData())
                        .containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    @Test
    void a_room_that_never_got_a_matrix_room_is_archived_at_once() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomDisablingStarted(roomId, false, null, null, 1))
                .expectDispatchedCommands(new ArchiveRoom(roomId));

        assertThat(work.submitted()).isEmpty();
    }

    @Test
    void a_retried_disabling_empties_the_room_again_under_the_same_disabling() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomDisablingRetried(roomId, "project termination", MATRIX_ROOM, 1))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();

        assertThat(work.submitted(DeactivateMatrixRoom.class)).singleElement()
                .satisfies(deactivate -> assertThat(deactivate.noticeTransactionId())
                        .isEqualTo(new DeactivateMatrixRoom(roomId, MATRIX_ROOM, 1, null).noticeTransactionId()));
    }

    @Test
    void the_saga_ends_when_the_room_is_archived() {
        fixture.givenAPublished(started(null))
                .whenPublishingA(new RoomArchived(roomId))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void the_saga_ends_when_the_room_failed() {
        fixture.givenAPublished(started(null))
                .whenPublishingA(new RoomFailed(roomId, RoomState.DISABLING, "Kicking the members failed"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
