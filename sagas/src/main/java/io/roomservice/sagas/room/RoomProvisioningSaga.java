package io.roomservice.sagas.room;

import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Makes a room exist on the homeserver: after a creation request, a retry or a reprovisioning it
 * submits {@link CreateMatrixRoom}, which reports the room provisioned or failed. Retries of transient
 * failures are the work queue's; a retry while a round is still waiting replaces that round (the
 * caller asked for it now). A room deleted meanwhile withdraws the waiting work.
 */
@Saga
public class RoomProvisioningSaga {

    static final String ROOM_ID = "roomId";

    private RoomId roomId;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomCreationRequested event, HomeserverWorkQueue work) {
        roomId = event.roomId();
        work.submit(new CreateMatrixRoom(event.roomId(), event.projectId(), event.name()));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomProvisioningRetried event, HomeserverWorkQueue work) {
        roomId = event.roomId();
        work.submit(new CreateMatrixRoom(event.roomId(), event.projectId(), event.name()));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReprovisioningStarted event, HomeserverWorkQueue work) {
        roomId = event.roomId();
        work.submit(new CreateMatrixRoom(event.roomId(), event.projectId(), event.name()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomActivated event) {
        // provisioned
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomFailed event) {
        // the work reported its failure; a retry starts a new saga
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event, HomeserverWorkQueue work) {
        work.cancel(CreateMatrixRoom.keyOf(event.roomId()));
    }

    // Jackson stores the saga: these accessors are its persisted state.

    public RoomId getRoomId() {
        return roomId;
    }

    public void setRoomId(RoomId roomId) {
        this.roomId = roomId;
    }
}
