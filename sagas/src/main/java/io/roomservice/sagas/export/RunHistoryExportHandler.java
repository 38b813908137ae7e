package io.roomservice.sagas.export;

import io.roomservice.api.export.CompleteExport;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.FailExport;
import io.roomservice.api.export.StartExport;
import io.roomservice.api.room.FindRoom;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.io.UncheckedIOException;

/**
 * Runs an export: records it started, makes its files, records them. A homeserver failure is retried
 * by the queue (the whole export again, from the room's start); a storage failure (disk full, an
 * unwritable directory) will not go away by itself, so it fails the export at once with its reason.
 * Only a disabling's own {@code on_deletion} export starts on a room that is no longer active: one
 * asked for just before the room began disabling would otherwise write files after a delete_history
 * removed the room's exports, or after the room was archived.
 */
public class RunHistoryExportHandler implements HomeserverWorkHandler<RunHistoryExport> {

    private final HistoryExporter exporter;
    private final QueryGateway queries;
    private final CommandGateway commands;

    public RunHistoryExportHandler(HistoryExporter exporter, QueryGateway queries, CommandGateway commands) {
        this.exporter = exporter;
        this.queries = queries;
        this.commands = commands;
    }

    @Override
    public Class<RunHistoryExport> workType() {
        return RunHistoryExport.class;
    }

    @Override
    public WorkResult run(RunHistoryExport work) {
        RoomState roomState = roomStateUnlessOwnExport(work);
        if (roomState != null && roomState != RoomState.ACTIVE) {
            Reports.report(commands, new FailExport(work.exportId(),
                    "Not started: the room is " + roomState.wireName() + " and no longer exported."));
            return WorkResult.done();
        }
        Reports.report(commands, new StartExport(work.exportId()));
        HistoryExporter.Result result;
        try {
            result = exporter.export(work);
        } catch (UncheckedIOException storage) {
            Reports.report(commands, new FailExport(work.exportId(),
                    "Storing the export failed: " + StorageFailures.describe(storage.getCause())));
            return WorkResult.done();
        }
        Reports.report(commands, new CompleteExport(work.exportId(), result.messageCount(), result.mediaCount(),
                result.files()));
        return WorkResult.done();
    }

    /** The room's state, or null when it need not be asked (a disabling's own export, older work, no record). */
    private RoomState roomStateUnlessOwnExport(RunHistoryExport work) {
        if (work.type() == null || work.type() == ExportType.ON_DELETION) {
            return null;
        }
        RoomView room = queries.query(new FindRoom(work.roomId()), ResponseTypes.instanceOf(RoomView.class)).join();
        return room == null ? null : room.state();
    }

    @Override
    public void gaveUp(RunHistoryExport work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new FailExport(work.exportId(),
                "Exporting failed after " + attemptsMade + " attempt(s): " + failure.getMessage()));
    }
}
