package io.roomservice.sagas.export;

import io.roomservice.api.export.DeleteExport;
import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.ExportState;
import io.roomservice.api.export.ExportView;
import io.roomservice.api.export.ExportsPosition;
import io.roomservice.api.export.FindExportsPosition;
import io.roomservice.api.export.FindExportsToDelete;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the files of every export of a room, then each export's record, then archives the room.
 * Files go first: a record is never deleted while its file could still be on disk. It is queue work
 * (not a saga step) because file removal must not run inside the saga's database transaction either.
 * An export still pending or exporting would write its files after they were looked for, leaving files
 * no record points to; so the ended ones are removed and the run comes back for the others every
 * {@link #WAIT_FOR_RUNNING_EXPORTS}, which counts against none of the work's attempts.
 */
public class DeleteRoomExportsHandler implements HomeserverWorkHandler<DeleteRoomExports> {

    static final Duration WAIT_FOR_RUNNING_EXPORTS = Duration.ofSeconds(5);
    static final Duration WAIT_FOR_THE_EXPORTS_LIST = Duration.ofMillis(200);

    private final ExportFiles files;
    private final QueryGateway queries;
    private final CommandGateway commands;

    public DeleteRoomExportsHandler(ExportFiles files, QueryGateway queries, CommandGateway commands) {
        this.files = files;
        this.queries = queries;
        this.commands = commands;
    }

    @Override
    public Class<DeleteRoomExports> workType() {
        return DeleteRoomExports.class;
    }

    @Override
    public WorkResult run(DeleteRoomExports work) {
        // an export asked for just before the disabling may not be in the list yet: it would be missed
        ExportsPosition list = queries.query(new FindExportsPosition(), ResponseTypes.instanceOf(ExportsPosition.class))
                .join();
        if (list.position() < work.waitForPosition()) {
            return WorkResult.runAgainAfter(WAIT_FOR_THE_EXPORTS_LIST);
        }
        ExportPage exports = queries.query(new FindExportsToDelete(work.roomId(), null),
                ResponseTypes.instanceOf(ExportPage.class)).join();
        List<ExportView> running = new ArrayList<>();
        for (ExportView export : exports.exports()) {
            if (export.state() == ExportState.PENDING || export.state() == ExportState.EXPORTING) {
                running.add(export);
            } else {
                delete(files, commands, export);
            }
        }
        if (!running.isEmpty()) {
            // not an attempt: every export ends (completed, or failed after its own attempts), however
            // long a large room takes, so the deletion waits for it without giving up
            return WorkResult.runAgainAfter(WAIT_FOR_RUNNING_EXPORTS);
        }
        Reports.report(commands, new ArchiveRoom(work.roomId()));
        return WorkResult.done();
    }

    /** Removes one export's files, then its record. Shared with retention. */
    public static void delete(ExportFiles files, CommandGateway commands, ExportView export) {
        for (StoredFile file : export.files()) {
            try {
                files.delete(file.name());
            } catch (IOException e) {
                // retried like a homeserver outage, and reported as the room's failure once attempts run out
                throw HomeserverException.transientFailure("removing export file " + file.name() + " failed: "
                        + StorageFailures.describe(e), e);
            }
        }
        Reports.report(commands, new DeleteExport(export.exportId()));
    }

    @Override
    public void gaveUp(DeleteRoomExports work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new RecordRoomFailure(work.roomId(),
                "Deleting the history exports failed after " + attemptsMade + " attempt(s): " + failure.getMessage()));
    }
}
