package io.roomservice.sagas.export;

import io.roomservice.api.export.CompleteExport;
import io.roomservice.api.export.FailExport;
import io.roomservice.api.export.StartExport;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.io.UncheckedIOException;

/**
 * Runs an export: records it started, makes its files, records them. A homeserver failure is retried
 * by the queue (the whole export again, from the room's start); a storage failure (disk full, an
 * unwritable directory) will not go away by itself, so it fails the export at once with its reason.
 */
public class RunHistoryExportHandler implements HomeserverWorkHandler<RunHistoryExport> {

    private final HistoryExporter exporter;
    private final CommandGateway commands;

    public RunHistoryExportHandler(HistoryExporter exporter, CommandGateway commands) {
        this.exporter = exporter;
        this.commands = commands;
    }

    @Override
    public Class<RunHistoryExport> workType() {
        return RunHistoryExport.class;
    }

    @Override
    public WorkResult run(RunHistoryExport work) {
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

    @Override
    public void gaveUp(RunHistoryExport work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new FailExport(work.exportId(),
                "Exporting failed after " + attemptsMade + " attempt(s): " + failure.getMessage()));
    }
}
