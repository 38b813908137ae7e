package io.roomservice.sagas.export;

import io.roomservice.api.export.DeleteExport;
import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.ExportState;
import io.roomservice.api.export.ExportView;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the files of every export of a room, then each export's record, then archives the room.
 * Files go first: a record is never deleted while its file could still be on disk. It is queue work
 * (not a saga step) because file removal must not run inside the saga's database transaction either.
 * An export still pending or exporting would write its files after they were looked for, leaving files
 * no record points to; so the ended ones are removed and the run waits for the others as a transient
 * failure, retried on the work's schedule and, after the last attempt, the room's error with the reason.
 */
public class DeleteRoomExportsHandler implements HomeserverWorkHandler<DeleteRoomExports> {

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
            ExportView first = running.get(0);
            throw HomeserverException.transientFailure("waiting for " + running.size() + " export(s) to end, e.g. "
                    + first.exportId() + " (" + first.state().wireName() + ")", null);
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
