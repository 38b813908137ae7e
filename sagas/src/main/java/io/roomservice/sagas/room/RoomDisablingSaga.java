package io.roomservice.sagas.room;

import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Kick-and-archive: takes a disabling room to archived. Members are not tracked yet (member sync is
 * its own capability), so nobody is left to kick and the room is archived at once; the saga is the
 * place where kicking and the closing export join in.
 */
@Saga
public class RoomDisablingSaga {

    static final String ROOM_ID = "roomId";

    private RoomId roomId;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingStarted event, CommandGateway commands) {
        roomId = event.roomId();
        SystemCommands.send(commands, new ArchiveRoom(roomId));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingRetried event, CommandGateway commands) {
        roomId = event.roomId();
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
        // the room went to error instead; a retry starts over
    }

    public RoomId getRoomId() {
        return roomId;
    }

    public void setRoomId(RoomId roomId) {
        this.roomId = roomId;
    }
}
