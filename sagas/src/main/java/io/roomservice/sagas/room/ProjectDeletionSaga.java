package io.roomservice.sagas.room;

import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.DisableRoom;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;

/**
 * A project's room follows its project: when the host deletes the project, the room is disabled
 * (kicked and archived by {@link RoomDisablingSaga}), its history kept. The saga lives from the
 * room's creation request, which names the project, until the project or the room is deleted.
 * <p>
 * If the room is in a state that cannot be disabled (creating, disabling, archived), the refusal
 * records nothing and the saga ends all the same. A room that becomes active later for a deleted
 * project is not disabled by this saga.
 */
@Saga
public class ProjectDeletionSaga {

    static final String PROJECT_ID = "projectId";
    static final String ROOM_ID = "roomId";
    static final String REASON = "project termination";

    private RoomId roomId;
    private ProjectId projectId;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomCreationRequested event) {
        roomId = event.roomId();
        projectId = event.projectId();
        associateWith(PROJECT_ID, projectId.toString());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectDeleted event, CommandGateway commands) {
        SystemCommands.send(commands, new DisableRoom(roomId, false, REASON));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event) {
        // the room's record is gone; its project's fate no longer matters to it
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
}
