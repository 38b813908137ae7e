package io.roomservice.sagas.export;

import io.roomservice.api.export.ExportCompleted;
import io.roomservice.api.export.ExportDeleted;
import io.roomservice.api.export.ExportFailed;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportRequested;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * An export's workflow: a requested export becomes persisted homeserver work ({@link RunHistoryExport}),
 * run outside any transaction and retried with backoff; the work reports the outcome as a command.
 */
@Saga
public class HistoryExportSaga {

    static final String EXPORT_ID = "exportId";

    private ExportId exportId;

    @StartSaga
    @SagaEventHandler(associationProperty = EXPORT_ID)
    public void on(ExportRequested event, HomeserverWorkQueue work) {
        exportId = event.exportId();
        work.submit(new RunHistoryExport(event.exportId(), event.roomId(), event.matrixRoomId(), event.media(),
                event.type()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = EXPORT_ID)
    public void on(ExportCompleted event) {
        // the files are stored and recorded
    }

    @EndSaga
    @SagaEventHandler(associationProperty = EXPORT_ID)
    public void on(ExportFailed event) {
        // the reason is on the export
    }

    /** Deleted while waiting or running: the work's report is then refused, so nothing is left to wait for. */
    @EndSaga
    @SagaEventHandler(associationProperty = EXPORT_ID)
    public void on(ExportDeleted event, HomeserverWorkQueue work) {
        work.cancel(new RunHistoryExport(exportId, event.roomId(), null, false, null).key());
    }

    public ExportId getExportId() {
        return exportId;
    }

    public void setExportId(ExportId exportId) {
        this.exportId = exportId;
    }
}
