package io.roomservice.sagas.export;

import io.roomservice.api.export.DeleteExport;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.ExportState;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.ExportView;
import io.roomservice.api.export.ExportsPosition;
import io.roomservice.api.export.FindExportsPosition;
import io.roomservice.api.export.FindExportsToDelete;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** A disabling with delete_history: every export of the room and its files go, then the room is archived. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeleteRoomExportsHandlerTest {

    private final RoomId roomId = RoomId.random();
    private final DeleteRoomExports work = new DeleteRoomExports(roomId, 1, 40);
    // how far the exports list has come
    private long listPosition = 40;
    private final List<Object> sent = new ArrayList<>();
    private final List<ExportView> readModel = new ArrayList<>();
    private final Files files = new Files();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final DeleteRoomExportsHandler handler = new DeleteRoomExportsHandler(files, queries, commands);

    /** Export files by name; a removal fails while {@code failing} is set. */
    static final class Files implements ExportFiles {
        final Set<String> stored = new HashSet<>();
        IOException failing;

        @Override
        public PendingFile create(String kind, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String name) throws IOException {
            if (failing != null) {
                throw failing;
            }
            stored.remove(name);
        }
    }

    DeleteRoomExportsHandlerTest() {
        doAnswer(call -> {
            Object command = ((CommandMessage<?>) call.getArgument(0)).getPayload();
            sent.add(command);
            if (command instanceof DeleteExport delete) {
                readModel.removeIf(export -> export.exportId().equals(delete.exportId()));
            }
            return null;
        }).when(commands).sendAndWait(any(), anyLong(), any(TimeUnit.class));
        doAnswer(call -> {
            assertThat((FindExportsToDelete) call.getArgument(0)).isEqualTo(new FindExportsToDelete(roomId, null));
            return CompletableFuture.completedFuture(new ExportPage(List.copyOf(readModel), readModel.size()));
        }).when(queries).query(any(FindExportsToDelete.class), any(ResponseType.class));
        doAnswer(call -> CompletableFuture.completedFuture(new ExportsPosition(listPosition)))
                .when(queries).query(any(FindExportsPosition.class), any(ResponseType.class));
    }

    private ExportView export(ExportState state, String... fileNames) {
        ExportId id = ExportId.random();
        List<StoredFile> stored = new ArrayList<>();
        for (String name : fileNames) {
            stored.add(new StoredFile(name.endsWith(".zip") ? StoredFile.MEDIA : StoredFile.EXPORT, name, 1, "00"));
            files.stored.add(name);
        }
        var view = new ExportView(id, roomId, null, null, "Apollo", ExportType.PERIODIC, state, 0, 0, null,
                "system", stored, Instant.now(), null, null);
        readModel.add(view);
        return view;
    }

    @Test
    void every_export_goes_with_its_files_then_the_room_is_archived() {
        var withMedia = export(ExportState.COMPLETED, "r/a.json", "r/a-media.zip");
        var failed = export(ExportState.FAILED);

        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(files.stored).isEmpty();
        assertThat(sent).containsExactly(new DeleteExport(withMedia.exportId()), new DeleteExport(failed.exportId()),
                new ArchiveRoom(roomId));
    }

    @Test
    void an_export_still_running_is_waited_for_before_the_room_is_archived() {
        var ended = export(ExportState.COMPLETED, "r/old.json");
        var running = export(ExportState.EXPORTING);

        var waiting = handler.run(work);

        // however long the export runs: coming back is not an attempt, so the wait never gives up
        assertThat(waiting.isDone()).isFalse();
        assertThat(waiting.runAgainAfter()).isEqualTo(DeleteRoomExportsHandler.WAIT_FOR_RUNNING_EXPORTS);
        assertThat(sent).containsExactly(new DeleteExport(ended.exportId()));

        // the run ends and writes its file; the next run removes it too
        readModel.remove(running);
        var completed = export(ExportState.COMPLETED, "r/late.json");
        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(files.stored).isEmpty();
        assertThat(sent).containsExactly(new DeleteExport(ended.exportId()), new DeleteExport(completed.exportId()),
                new ArchiveRoom(roomId));
    }

    @Test
    void an_export_asked_for_before_the_deletion_is_waited_for_until_the_exports_list_has_it() {
        listPosition = 39;
        var asked = export(ExportState.COMPLETED, "r/last-minute.json");

        var waiting = handler.run(work);

        assertThat(waiting.isDone()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(files.stored).containsExactly("r/last-minute.json");

        listPosition = 40;
        assertThat(handler.run(work).isDone()).isTrue();
        assertThat(sent).containsExactly(new DeleteExport(asked.exportId()), new ArchiveRoom(roomId));
        assertThat(files.stored).isEmpty();
    }

    @Test
    void a_pending_export_is_waited_for_as_well() {
        var pending = export(ExportState.PENDING);

        assertThat(handler.run(work).isDone()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(readModel).containsExactly(pending);
    }

    @Test
    void a_file_that_cannot_be_removed_keeps_its_record_and_is_retried_with_the_reason() {
        var export = export(ExportState.COMPLETED, "r/a.json");
        files.failing = new AccessDeniedException("/srv/exports/r/a.json");

        assertThatThrownBy(() -> handler.run(work)).isInstanceOfSatisfying(HomeserverException.class, failure -> {
            assertThat(failure.isTransient()).isTrue();
            assertThat(failure.getMessage()).isEqualTo("removing export file r/a.json failed: permission denied");
        });
        assertThat(sent).isEmpty();
        assertThat(readModel).containsExactly(export);
    }

    @Test
    void after_the_last_attempt_the_room_goes_to_error_with_the_step_and_the_reason() {
        handler.gaveUp(work, HomeserverException.transientFailure("removing export file r/a.json failed: "
                + "permission denied", null), 6);

        assertThat(sent).containsExactly(new RecordRoomFailure(roomId, "Deleting the history exports failed after "
                + "6 attempt(s): removing export file r/a.json failed: permission denied"));
    }
}
