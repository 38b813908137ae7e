package io.roomservice.sagas.room;

import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomMembersRemoved;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Kick-and-archive: the notice and the kicks ({@link DeactivateMatrixRoom}, retried on the persisted
 * schedule), then the archive. A room that never got a Matrix room is archived at once. When the work
 * gives up, the room goes to error and this saga ends; a retry starts it again from the kicks.
 */
@Saga
public class RoomDisablingSaga {

    static final String ROOM_ID = "roomId";

    private RoomId roomId;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingStarted event, HomeserverWorkQueue work, CommandGateway commands) {
        start(event.roomId(), event.matrixRoomId(), event.disabling(), event.reason(), work, commands);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingRetried event, HomeserverWorkQueue work, CommandGateway commands) {
        start(event.roomId(), event.matrixRoomId(), event.disabling(), event.reason(), work, commands);
    }

    private void start(RoomId room, String matrixRoomId, int disabling, String reason, HomeserverWorkQueue work,
                       CommandGateway commands) {
        roomId = room;
        if (matrixRoomId == null) {
            SystemCommands.send(commands, new ArchiveRoom(roomId));
        } else {
            work.submit(new DeactivateMatrixRoom(roomId, matrixRoomId, disabling, reason));
        }
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomMembersRemoved event, CommandGateway commands) {
        SystemCommands.send(commands, new ArchiveRoom(roomId));
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
}
