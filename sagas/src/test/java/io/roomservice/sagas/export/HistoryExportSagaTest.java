package io.roomservice.sagas.export;

import io.roomservice.api.export.ExportCompleted;
import io.roomservice.api.export.ExportDeleted;
import io.roomservice.api.export.ExportFailed;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportRequested;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryExportSagaTest {

    private final ExportId exportId = ExportId.random();
    private final RoomId roomId = RoomId.random();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private SagaTestFixture<HistoryExportSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HistoryExportSaga.class);
        fixture.registerResource(work);
    }

    private ExportRequested requested() {
        return new ExportRequested(exportId, roomId, "!r:example.org", ExportType.MANUAL, true, "user:1");
    }

    @Test
    void a_requested_export_becomes_persisted_homeserver_work() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith("exportId", exportId.toString())
                .expectNoDispatchedCommands();
        assertThat(work.submitted(RunHistoryExport.class))
                .containsExactly(new RunHistoryExport(exportId, roomId, "!r:example.org", true, ExportType.MANUAL));
    }

    @Test
    void it_ends_on_completion_or_failure() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new ExportCompleted(exportId, 1, 0, List.of()))
                .expectActiveSagas(0);
        fixture.givenAPublished(requested())
                .whenPublishingA(new ExportFailed(exportId, "x"))
                .expectActiveSagas(0);
    }

    @Test
    void a_deleted_export_withdraws_its_waiting_work() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new ExportDeleted(exportId, roomId))
                .expectActiveSagas(0);
        assertThat(work.cancelled()).containsExactly("export:" + exportId);
    }
}
