package io.roomservice.sagas.export;

import io.roomservice.api.export.CompleteExport;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.FailExport;
import io.roomservice.api.export.StartExport;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.room.FindRoom;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunHistoryExportHandlerTest {

    private final RunHistoryExport work = new RunHistoryExport(ExportId.random(), RoomId.random(), "!r:x", false,
            ExportType.MANUAL);
    private final List<Object> sent = new ArrayList<>();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private RoomState roomState = RoomState.ACTIVE;
    private final List<StoredFile> files = List.of(new StoredFile("export", "a.json", 10, "00"));

    RunHistoryExportHandlerTest() {
        doAnswer(call -> {
            sent.add(((CommandMessage<?>) call.getArgument(0)).getPayload());
            return null;
        }).when(commands).sendAndWait(any(), anyLong(), any(TimeUnit.class));
        doAnswer(call -> CompletableFuture.completedFuture(new RoomView(((FindRoom) call.getArgument(0)).roomId(),
                null, null, "Apollo", null, "!r:x", roomState, null, null, null)))
                .when(queries).query(any(FindRoom.class), any(ResponseType.class));
    }

    private RunHistoryExportHandler handler(HistoryExporter exporter, CommandGateway commands) {
        return new RunHistoryExportHandler(exporter, queries, commands);
    }

    @Test
    void a_run_records_the_start_then_the_files() {
        var handler = handler(job -> new HistoryExporter.Result(300, 2, files), commands);

        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(sent).containsExactly(new StartExport(work.exportId()),
                new CompleteExport(work.exportId(), 300, 2, files));
    }

    @Test
    void a_transient_homeserver_failure_is_left_to_the_queue_to_retry_and_nothing_completes() {
        var handler = handler(job -> {
            throw HomeserverException.transientFailure("HTTP 502", null);
        }, commands);

        assertThatThrownBy(() -> handler.run(work)).isInstanceOf(HomeserverException.class);
        assertThat(sent).containsExactly(new StartExport(work.exportId()));
    }

    @Test
    void a_run_after_a_restart_starts_again_and_completes() {
        int[] runs = {0};
        var handler = handler(job -> {
            if (runs[0]++ == 0) {
                throw HomeserverException.transientFailure("connection reset", null);
            }
            return new HistoryExporter.Result(5, 0, files);
        }, commands);

        assertThatThrownBy(() -> handler.run(work)).isInstanceOf(HomeserverException.class);
        handler.run(work);

        assertThat(sent).containsExactly(new StartExport(work.exportId()), new StartExport(work.exportId()),
                new CompleteExport(work.exportId(), 5, 0, files));
    }

    @Test
    void giving_up_fails_the_export_with_the_reason() {
        var handler = handler(job -> null, commands);

        handler.gaveUp(work, HomeserverException.permanentFailure("M_FORBIDDEN: not in room"), 1);

        assertThat(sent).containsExactly(new FailExport(work.exportId(),
                "Exporting failed after 1 attempt(s): M_FORBIDDEN: not in room"));
    }

    @Test
    void a_storage_failure_fails_the_export_at_once() {
        var handler = handler(job -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        }, commands);

        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(sent).containsExactly(new StartExport(work.exportId()),
                new FailExport(work.exportId(), "Storing the export failed: no space left on device"));
    }

    @Test
    void an_export_asked_for_before_its_room_began_disabling_does_not_start() {
        roomState = RoomState.DISABLING;
        var periodic = new RunHistoryExport(work.exportId(), work.roomId(), "!r:x", false, ExportType.PERIODIC);
        var handler = handler(job -> {
            throw new AssertionError("nothing is exported");
        }, commands);

        assertThat(handler.run(periodic).isDone()).isTrue();

        assertThat(sent).containsExactly(new FailExport(work.exportId(),
                "Not started: the room is disabling and no longer exported."));
    }

    @Test
    void the_disablings_own_export_runs_on_the_disabling_room() {
        roomState = RoomState.DISABLING;
        var onDeletion = new RunHistoryExport(work.exportId(), work.roomId(), "!r:x", false, ExportType.ON_DELETION);
        var handler = handler(job -> new HistoryExporter.Result(3, 0, files), commands);

        handler.run(onDeletion);

        assertThat(sent).containsExactly(new StartExport(work.exportId()),
                new CompleteExport(work.exportId(), 3, 0, files));
    }

    private String storageFailure(IOException cause) {
        var handler = handler(job -> {
            throw new UncheckedIOException(cause);
        }, commands);
        handler.run(work);
        return ((FailExport) sent.get(1)).reason();
    }

    @Test
    void an_unwritable_directory_reads_as_permission_denied_without_the_path() {
        assertThat(storageFailure(new AccessDeniedException("/srv/secret-volume/exports/room")))
                .isEqualTo("Storing the export failed: permission denied");
    }

    @Test
    void a_full_disk_reads_as_no_space_left_on_device_without_the_path() {
        assertThat(storageFailure(new FileSystemException("/srv/secret-volume/exports/room/.a.json1.part", null,
                "No space left on device")))
                .isEqualTo("Storing the export failed: no space left on device");
    }

    @Test
    void the_file_system_reason_is_kept_next_to_the_kind_of_failure() {
        assertThat(storageFailure(new AccessDeniedException("/srv/x", null, "Read-only file system")))
                .isEqualTo("Storing the export failed: permission denied (Read-only file system)");
        sent.clear();
        assertThat(storageFailure(new NoSuchFileException("/srv/x")))
                .isEqualTo("Storing the export failed: no such file or directory");
        sent.clear();
        assertThat(storageFailure(new FileAlreadyExistsException("/srv/x")))
                .isEqualTo("Storing the export failed: file already exists");
        sent.clear();
        assertThat(storageFailure(new FileSystemException("/srv/x", "/srv/y", "Read-only file system")))
                .isEqualTo("Storing the export failed: read-only file system");
    }

    @Test
    void a_path_in_a_plain_io_failure_is_not_shown() {
        assertThat(storageFailure(new IOException("Stream closed while writing /srv/secret-volume/exports/a.json")))
                .isEqualTo("Storing the export failed: stream closed while writing <path>");
    }
}
