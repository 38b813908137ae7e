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
import io.roomservice.api.export.ExportCompleted;
import io.roomservice.api.export.ExportFailed;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.RequestExport;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.sagas.export.DeleteRoomExports;
import io.roomservice.sagas.export.ExportSettings;
import io.roomservice.sagas.work.RecordingWorkQueue;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomDisablingSagaTest {

    private static final String MATRIX_ROOM = "!apollo:example.org";

    private final RoomId roomId = RoomId.random();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private final Settings exports = new Settings();

    /** Exports off unless a test turns them on. */
    static final class Settings implements ExportSettings {
        boolean enabled;
        boolean media;

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public boolean media() {
            return media;
        }
    }

    private SagaTestFixture<RoomDisablingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RoomDisablingSaga.class);
        fixture.registerResource(work);
        fixture.registerResource(exports);
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
                .whenPublishingA(new RoomDisablingRetried(roomId, "project termination", MATRIX_ROOM, 1, false))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();

        assertThat(work.submitted(DeactivateMatrixRoom.class)).singleElement()
                .satisfies(deactivate -> assertThat(deactivate.noticeTransactionId())
                        .isEqualTo(new DeactivateMatrixRoom(roomId, MATRIX_ROOM, 1, null, 0).noticeTransactionId()));
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

    private ExportId requestedExport() {
        var command = fixture.getCommandBus().getDispatchedCommands().get(0).getPayload();
        assertThat(command).isInstanceOf(RequestExport.class);
        return ((RequestExport) command).exportId();
    }

    @Test
    void with_exports_enabled_an_on_deletion_export_comes_before_the_archive() {
        exports.enabled = true;
        exports.media = true;
        fixture.givenAPublished(started(null))
                .whenPublishingA(new RoomMembersRemoved(roomId, 1))
                .expectActiveSagas(1);
        assertThat(fixture.getCommandBus().getDispatchedCommands()).hasSize(1);
        var command = (RequestExport) fixture.getCommandBus().getDispatchedCommands().get(0).getPayload();
        assertThat(command.type()).isEqualTo(ExportType.ON_DELETION);
        assertThat(command.media()).isTrue();
        assertThat(command.matrixRoomId()).isEqualTo(MATRIX_ROOM);
    }

    @Test
    void the_room_is_archived_once_its_export_completed() {
        exports.enabled = true;
        fixture.givenAPublished(started(null)).andThenAPublished(new RoomMembersRemoved(roomId, 1));
        ExportId export = requestedExport();
        fixture.whenPublishingA(new ExportCompleted(export, 300, 0, List.of()))
                .expectDispatchedCommands(new ArchiveRoom(roomId));
    }

    @Test
    void a_failed_export_puts_the_room_in_error_with_the_reason() {
        exports.enabled = true;
        fixture.givenAPublished(started(null)).andThenAPublished(new RoomMembersRemoved(roomId, 1));
        ExportId export = requestedExport();
        fixture.whenPublishingA(new ExportFailed(export, "homeserver down"))
                .expectDispatchedCommands(new RecordRoomFailure(roomId, "History export failed: homeserver down"));
    }

    @Test
    void delete_history_removes_the_exports_instead_of_exporting() {
        exports.enabled = true;
        fixture.givenAPublished(new RoomDisablingStarted(roomId, true, null, MATRIX_ROOM, 2))
                .whenPublishingA(new RoomMembersRemoved(roomId, 2))
                .expectNoDispatchedCommands();
        assertThat(work.submitted(DeleteRoomExports.class)).singleElement().satisfies(delete -> {
            assertThat(delete.roomId()).isEqualTo(roomId);
            assertThat(delete.disabling()).isEqualTo(2);
            // the deletion waits for the exports list to pass the event that decided it
            assertThat(delete.waitForPosition()).isPositive();
        });
    }

    @Test
    void a_retry_of_a_disabling_that_deletes_history_deletes_the_exports_and_exports_nothing() {
        exports.enabled = true;
        fixture.givenAPublished(new RoomDisablingStarted(roomId, true, null, MATRIX_ROOM, 1))
                .andThenAPublished(new RoomMembersRemoved(roomId, 1))
                .andThenAPublished(new RoomFailed(roomId, RoomState.DISABLING, "Deleting the history exports failed"))
                .andThenAPublished(new RoomDisablingRetried(roomId, null, MATRIX_ROOM, 1, true))
                .whenPublishingA(new RoomMembersRemoved(roomId, 1))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
        // the first from the disabling that failed, the second from its retry
        assertThat(work.submitted(DeleteRoomExports.class)).extracting(DeleteRoomExports::roomId,
                DeleteRoomExports::disabling).containsExactly(tuple(roomId, 1), tuple(roomId, 1));
    }

    @Test
    void a_retry_of_a_disabling_that_keeps_history_exports_again() {
        exports.enabled = true;
        fixture.givenAPublished(started(null))
                .andThenAPublished(new RoomFailed(roomId, RoomState.DISABLING, "Kicking the members failed"))
                .andThenAPublished(new RoomDisablingRetried(roomId, null, MATRIX_ROOM, 1, false))
                .whenPublishingA(new RoomMembersRemoved(roomId, 1))
                .expectActiveSagas(1);
        assertThat(fixture.getCommandBus().getDispatchedCommands()).hasSize(1);
        assertThat(work.submitted(DeleteRoomExports.class)).isEmpty();
        assertThat(requestedExport()).isNotNull();
    }
}
