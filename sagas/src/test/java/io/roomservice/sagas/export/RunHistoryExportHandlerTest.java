package io.roomservice.sagas.export;

import io.roomservice.api.export.CompleteExport;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.FailExport;
import io.roomservice.api.export.StartExport;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunHistoryExportHandlerTest {

    private final RunHistoryExport work = new RunHistoryExport(ExportId.random(), RoomId.random(), "!r:x", false);
    private final List<Object> sent = new ArrayList<>();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final List<StoredFile> files = List.of(new StoredFile("export", "a.json", 10, "00"));

    RunHistoryExportHandlerTest() {
        doAnswer(call -> {
            sent.add(((CommandMessage<?>) call.getArgument(0)).getPayload());
            return null;
        }).when(commands).sendAndWait(any(), anyLong(), any(TimeUnit.class));
    }

    @Test
    void a_run_records_the_start_then_the_files() {
        var handler = new RunHistoryExportHandler(job -> new HistoryExporter.Result(300, 2, files), commands);

        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(sent).containsExactly(new StartExport(work.exportId()),
                new CompleteExport(work.exportId(), 300, 2, files));
    }

    @Test
    void a_transient_homeserver_failure_is_left_to_the_queue_to_retry_and_nothing_completes() {
        var handler = new RunHistoryExportHandler(job -> {
            throw HomeserverException.transientFailure("HTTP 502", null);
        }, commands);

        assertThatThrownBy(() -> handler.run(work)).isInstanceOf(HomeserverException.class);
        assertThat(sent).containsExactly(new StartExport(work.exportId()));
    }

    @Test
    void a_run_after_a_restart_starts_again_and_completes() {
        int[] runs = {0};
        var handler = new RunHistoryExportHandler(job -> {
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
        var handler = new RunHistoryExportHandler(job -> null, commands);

        handler.gaveUp(work, HomeserverException.permanentFailure("M_FORBIDDEN: not in room"), 1);

        assertThat(sent).containsExactly(new FailExport(work.exportId(),
                "Exporting failed after 1 attempt(s): M_FORBIDDEN: not in room"));
    }

    @Test
    void a_storage_failure_fails_the_export_at_once() {
        var handler = new RunHistoryExportHandler(job -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        }, commands);

        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(sent).containsExactly(new StartExport(work.exportId()),
                new FailExport(work.exportId(), "Storing the export failed: No space left on device"));
    }
}
