package io.roomservice.command.export;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.export.CompleteExport;
import io.roomservice.api.export.DeleteExport;
import io.roomservice.api.export.ExportCompleted;
import io.roomservice.api.export.ExportDeleted;
import io.roomservice.api.export.ExportFailed;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportRequested;
import io.roomservice.api.export.ExportStarted;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.FailExport;
import io.roomservice.api.export.RequestExport;
import io.roomservice.api.export.StartExport;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.room.RoomId;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryExportTest {

    private static final String MATRIX_ROOM = "!apollo:example.org";
    private final ExportId exportId = ExportId.random();
    private final RoomId roomId = RoomId.random();
    private final List<StoredFile> files = List.of(new StoredFile("export", "r/e.json", 12, "ab"));

    private AggregateTestFixture<HistoryExport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HistoryExport.class);
    }

    private ExportRequested requested() {
        return new ExportRequested(exportId, roomId, MATRIX_ROOM, ExportType.MANUAL, true, "user:42");
    }

    @Test
    void a_request_records_who_asked() {
        fixture.givenNoPriorActivity()
                .when(new RequestExport(exportId, roomId, MATRIX_ROOM, ExportType.MANUAL, true),
                        MetaData.with(MetaDataKeys.ACTOR, "user:42"))
                .expectEvents(requested());
    }

    @Test
    void a_room_without_matrix_room_cannot_be_exported() {
        fixture.givenNoPriorActivity()
                .when(new RequestExport(exportId, roomId, null, ExportType.MANUAL, false))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void pending_starts_then_completes_with_its_files() {
        fixture.given(requested())
                .when(new StartExport(exportId))
                .expectEvents(new ExportStarted(exportId));
        fixture.given(requested(), new ExportStarted(exportId))
                .when(new CompleteExport(exportId, 300, 3, files))
                .expectEvents(new ExportCompleted(exportId, 300, 3, files));
    }

    @Test
    void a_start_repeated_after_a_restart_records_nothing() {
        fixture.given(requested(), new ExportStarted(exportId))
                .when(new StartExport(exportId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_completion_reported_twice_records_once() {
        fixture.given(requested(), new ExportStarted(exportId), new ExportCompleted(exportId, 1, 0, files))
                .when(new CompleteExport(exportId, 1, 0, files))
                .expectNoEvents();
    }

    @Test
    void a_pending_export_cannot_complete() {
        fixture.given(requested())
                .when(new CompleteExport(exportId, 1, 0, files))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void a_failure_keeps_its_reason_and_a_failed_export_cannot_complete() {
        fixture.given(requested(), new ExportStarted(exportId))
                .when(new FailExport(exportId, "homeserver down"))
                .expectEvents(new ExportFailed(exportId, "homeserver down"));
        fixture.given(requested(), new ExportStarted(exportId), new ExportFailed(exportId, "x"))
                .when(new CompleteExport(exportId, 1, 0, files))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void a_completed_export_cannot_fail() {
        fixture.given(requested(), new ExportStarted(exportId), new ExportCompleted(exportId, 1, 0, files))
                .when(new FailExport(exportId, "late"))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void any_export_can_be_deleted() {
        fixture.given(requested(), new ExportStarted(exportId), new ExportCompleted(exportId, 1, 0, files))
                .when(new DeleteExport(exportId))
                .expectEvents(new ExportDeleted(exportId, roomId))
                .expectMarkedDeleted();
    }
}
