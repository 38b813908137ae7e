package io.roomservice.sagas.room;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.DisableRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;
import static org.axonframework.modelling.saga.SagaLifecycle.end;

/**
 * A project's room follows its project: when the host deletes the project, the room is disabled
 * (kicked and archived by {@link RoomDisablingSaga}), its history kept. The saga lives from the
 * room's creation request, which names the project, until the project or the room is deleted.
 * <p>
 * A room still being created when its project is deleted is disabled as soon as its provisioning
 * ends (active, or failed), so no room stays open for a project that is gone. A room that is already
 * disabling or archived refuses, which records nothing, and the saga ends all the same.
 */
@Saga
// Jackson stores the saga by its fields: accessors would only widen what the saga exposes.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class ProjectDeletionSaga {

    static final String PROJECT_ID = "projectId";
    static final String ROOM_ID = "roomId";
    static final String REASON = "project termination";

    private RoomId roomId;
    private ProjectId projectId;
    /** The room is being provisioned: a disabling now would be refused, so it waits for the outcome. */
    private boolean creating;
    private boolean projectDeleted;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomCreationRequested event) {
        roomId = event.roomId();
        projectId = event.projectId();
        creating = true;
        associateWith(PROJECT_ID, projectId.toString());
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomProvisioningRetried event) {
        creating = true;
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReprovisioningStarted event) {
        creating = true;
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomActivated event, CommandGateway commands) {
        provisioningEnded(commands);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomFailed event, CommandGateway commands) {
        provisioningEnded(commands);
    }

    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectDeleted event, CommandGateway commands) {
        projectDeleted = true;
        if (!creating) {
            disable(commands);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event) {
        // the room's record is gone; its project's fate no longer matters to it
    }

    private void provisioningEnded(CommandGateway commands) {
        creating = false;
        if (projectDeleted) {
            disable(commands);
        }
    }

    private void disable(CommandGateway commands) {
        SystemCommands.send(commands, new DisableRoom(roomId, false, REASON));
        end();
    }
}
