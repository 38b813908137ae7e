package io.roomservice.sagas.export;

import io.roomservice.api.export.DeleteExport;
import io.roomservice.api.export.ExportPage;
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

/**
 * Removes the files of every export of a room, then each export's record, then archives the room.
 * Files go first: a record is never deleted while its file could still be on disk. It is queue work
 * (not a saga step) because file removal must not run inside the saga's database transaction either.
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
        for (ExportView export : exports.exports()) {
            delete(files, commands, export);
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
                throw HomeserverException.transientFailure("Removing export file " + file.name() + " failed: "
                        + e.getMessage(), e);
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
