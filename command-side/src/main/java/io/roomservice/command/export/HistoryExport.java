package io.roomservice.command.export;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.export.CompleteExport;
import io.roomservice.api.export.DeleteExport;
import io.roomservice.api.export.ExportCompleted;
import io.roomservice.api.export.ExportDeleted;
import io.roomservice.api.export.ExportFailed;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportRequested;
import io.roomservice.api.export.ExportStarted;
import io.roomservice.api.export.ExportState;
import io.roomservice.api.export.FailExport;
import io.roomservice.api.export.RequestExport;
import io.roomservice.api.export.StartExport;
import io.roomservice.api.room.RoomId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static io.roomservice.api.export.ExportState.COMPLETED;
import static io.roomservice.api.export.ExportState.EXPORTING;
import static io.roomservice.api.export.ExportState.FAILED;
import static io.roomservice.api.export.ExportState.PENDING;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * One export of a room's history: pending → exporting → completed | failed, then deleted by retention
 * or a disabling with delete_history. The paging and the files are the export saga's work; this decides
 * which of its reports count. A report repeated after a restart records nothing new.
 */
@Aggregate
public class HistoryExport {

    public static final String WRONG_STATE = "export-wrong-state";

    @AggregateIdentifier
    private ExportId exportId;
    private RoomId roomId;
    private ExportState state;

    protected HistoryExport() {
        // for Axon
    }

    @CommandHandler
    public HistoryExport(RequestExport command, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        if (command.matrixRoomId() == null || command.matrixRoomId().isBlank()) {
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, WRONG_STATE,
                    "The room has no Matrix room to export.");
        }
        apply(new ExportRequested(command.exportId(), command.roomId(), command.matrixRoomId(), command.type(),
                command.media(), actor == null ? MetaDataKeys.SYSTEM_ACTOR : actor));
    }

    /** A run that starts again after a restart finds the export exporting already: nothing to record. */
    @CommandHandler
    public void handle(StartExport command) {
        if (state == EXPORTING) {
            return;
        }
        if (state != PENDING) {
            throw wrongState("Only a pending export can start; this one is " + state.wireName() + ".");
        }
        apply(new ExportStarted(exportId));
    }

    @CommandHandler
    public void handle(CompleteExport command) {
        if (state == COMPLETED) {
            return;
        }
        if (state != EXPORTING) {
            throw wrongState("Only an exporting export can complete; this one is " + state.wireName() + ".");
        }
        apply(new ExportCompleted(exportId, command.messageCount(), command.mediaCount(),
                List.copyOf(command.files())));
    }

    @CommandHandler
    public void handle(FailExport command) {
        if (state == FAILED) {
            return;
        }
        if (state != PENDING && state != EXPORTING) {
            throw wrongState("Only a pending or exporting export can fail; this one is " + state.wireName() + ".");
        }
        apply(new ExportFailed(exportId, command.reason()));
    }

    /** Any export can go; the files are removed before this is sent, so the record follows them. */
    @CommandHandler
    public void handle(DeleteExport command) {
        apply(new ExportDeleted(exportId, roomId));
    }

    private static CommandRejectedException wrongState(String message) {
        return new CommandRejectedException(RejectionReason.WRONG_STATE, WRONG_STATE, message);
    }

    @EventSourcingHandler
    void on(ExportRequested event) {
        exportId = event.exportId();
        roomId = event.roomId();
        state = PENDING;
    }

    @EventSourcingHandler
    void on(ExportStarted event) {
        state = EXPORTING;
    }

    @EventSourcingHandler
    void on(ExportCompleted event) {
        state = COMPLETED;
    }

    @EventSourcingHandler
    void on(ExportFailed event) {
        state = FAILED;
    }

    @EventSourcingHandler
    void on(ExportDeleted event) {
        state = ExportState.DELETED;
        markDeleted();
    }
}
