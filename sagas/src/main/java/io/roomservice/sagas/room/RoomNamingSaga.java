package io.roomservice.sagas.room;

import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.room.RenameRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomRenamed;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomStateRepairRequested;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.Objects;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;

/**
 * A project's room carries its project's name, in the read models and on the homeserver. When the
 * host renames the project the room records the new name ({@link RenameRoom}), and its Matrix room,
 * once it has one, is renamed as homeserver work ({@link RenameMatrixRoom}); archived rooms too.
 * <p>
 * A room that has no Matrix room yet (creating, or in error before it got one) is created with the
 * name it was requested, retried or reprovisioned with; if the project was renamed meanwhile, the new
 * Matrix room is renamed as soon as the room is active. Lives from the room's creation request until
 * the project or the room is deleted.
 * <p>
 * The reconciliation's repair of a Matrix room's alias and name ({@link RoomStateRepairRequested}) is
 * handed on here too: it sets the name this saga keeps in step.
 */
@Saga
public class RoomNamingSaga {

    static final String PROJECT_ID = "projectId";
    static final String ROOM_ID = "roomId";

    private RoomId roomId;
    private ProjectId projectId;
    private String name;
    private String matrixRoomId;
    /** The name the Matrix room was created with or last renamed to. */
    private String matrixName;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomCreationRequested event) {
        roomId = event.roomId();
        projectId = event.projectId();
        name = event.name();
        matrixName = event.name();
        associateWith(PROJECT_ID, projectId.toString());
    }

    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectRenamed event, CommandGateway commands) {
        SystemCommands.send(commands, new RenameRoom(roomId, event.name()));
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomRenamed event, HomeserverWorkQueue work) {
        name = event.name();
        renameMatrixRoomIfBehind(work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomActivated event, HomeserverWorkQueue work) {
        matrixRoomId = event.matrixRoomId();
        renameMatrixRoomIfBehind(work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomStateRepairRequested event, HomeserverWorkQueue work) {
        work.submit(new RepairMatrixRoom(roomId, event.matrixRoomId(), event.alias(), event.name()));
        matrixName = event.name();
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomProvisioningRetried event) {
        matrixName = event.name();
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReprovisioningStarted event) {
        matrixRoomId = null;
        matrixName = event.name();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectDeleted event) {
        // the room is disabled; a deleted project is not renamed
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event) {
        // the room's record is gone
    }

    private void renameMatrixRoomIfBehind(HomeserverWorkQueue work) {
        if (matrixRoomId != null && !Objects.equals(name, matrixName)) {
            work.submit(new RenameMatrixRoom(roomId, matrixRoomId, name));
            matrixName = name;
        }
    }

    public RoomId getRoomId() {
        return roomId;
    }

    public void setRoomId(RoomId roomId) {
        this.roomId = roomId;
    }

    public ProjectId getProjectId() {
        return projectId;
    }

    public void setProjectId(ProjectId projectId) {
        this.projectId = projectId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMatrixRoomId() {
        return matrixRoomId;
    }

    public void setMatrixRoomId(String matrixRoomId) {
        this.matrixRoomId = matrixRoomId;
    }

    public String getMatrixName() {
        return matrixName;
    }

    public void setMatrixName(String matrixName) {
        this.matrixName = matrixName;
    }
}
