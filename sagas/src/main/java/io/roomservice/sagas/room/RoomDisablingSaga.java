package io.roomservice.sagas.room;

import io.roomservice.api.export.ExportCompleted;
import io.roomservice.api.export.ExportFailed;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.RequestExport;
import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomMembersRemoved;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.export.DeleteRoomExports;
import io.roomservice.sagas.export.ExportSettings;
import io.roomservice.sagas.membership.EventPosition;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Kick-and-archive: the notice and the kicks ({@link DeactivateMatrixRoom}, retried on the persisted
 * schedule); then, when exports are enabled and history is kept, an {@code on_deletion} export that
 * must complete, or, with delete_history, the removal of every export of the room
 * ({@link DeleteRoomExports}); then the archive. A room that never got a Matrix room is archived at
 * once. When a step gives up, the room goes to error and this saga ends; a retry starts it again from
 * the kicks, which skip who is already gone, with the disabling's own delete_history (a deliberate
 * difference from v1, whose retry always kept and exported the history).
 */
@Saga
public class RoomDisablingSaga {

    static final String ROOM_ID = "roomId";
    static final String EXPORT_ID = "exportId";

    private RoomId roomId;
    private String matrixRoomId;
    private boolean deleteHistory;
    private int disabling;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingStarted event, EventMessage<?> message, HomeserverWorkQueue work,
                   CommandGateway commands) {
        deleteHistory = event.deleteHistory();
        start(event.roomId(), event.matrixRoomId(), event.disabling(), event.reason(), EventPosition.of(message), work,
                commands);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingRetried event, EventMessage<?> message, HomeserverWorkQueue work,
                   CommandGateway commands) {
        deleteHistory = event.deleteHistory();
        start(event.roomId(), event.matrixRoomId(), event.disabling(), event.reason(), EventPosition.of(message), work,
                commands);
    }

    private void start(RoomId room, String matrixRoom, int number, String reason, long position,
                       HomeserverWorkQueue work, CommandGateway commands) {
        roomId = room;
        matrixRoomId = matrixRoom;
        disabling = number;
        if (matrixRoomId == null) {
            SystemCommands.send(commands, new ArchiveRoom(roomId));
        } else {
            work.submit(new DeactivateMatrixRoom(roomId, matrixRoomId, number, reason, position));
        }
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomMembersRemoved event, EventMessage<?> message, HomeserverWorkQueue work,
                   CommandGateway commands, ExportSettings exports) {
        if (deleteHistory) {
            work.submit(new DeleteRoomExports(roomId, disabling, EventPosition.of(message)));
        } else if (exports.enabled()) {
            // a new export for every attempt: a retry after a failed export must not find the failed one
            ExportId export = ExportId.random();
            SagaLifecycle.associateWith(EXPORT_ID, export.toString());
            SystemCommands.send(commands, new RequestExport(export, roomId, matrixRoomId, ExportType.ON_DELETION,
                    exports.media()));
        } else {
            SystemCommands.send(commands, new ArchiveRoom(roomId));
        }
    }

    @SagaEventHandler(associationProperty = EXPORT_ID)
    public void on(ExportCompleted event, CommandGateway commands) {
        SystemCommands.send(commands, new ArchiveRoom(roomId));
    }

    /** The room goes to error with the export's reason; a retry exports anew. */
    @SagaEventHandler(associationProperty = EXPORT_ID)
    public void on(ExportFailed event, CommandGateway commands) {
        SystemCommands.send(commands, new RecordRoomFailure(roomId, "History export failed: " + event.reason()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomArchived event) {
        // done
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomFailed event) {
        // the room went to error instead; a retry starts over where it failed
    }

    public RoomId getRoomId() {
        return roomId;
    }

    public void setRoomId(RoomId roomId) {
        this.roomId = roomId;
    }

    public String getMatrixRoomId() {
        return matrixRoomId;
    }

    public void setMatrixRoomId(String matrixRoomId) {
        this.matrixRoomId = matrixRoomId;
    }

    public boolean isDeleteHistory() {
        return deleteHistory;
    }

    public void setDeleteHistory(boolean deleteHistory) {
        this.deleteHistory = deleteHistory;
    }

    public int getDisabling() {
        return disabling;
    }

    public void setDisabling(int disabling) {
        this.disabling = disabling;
    }
}
