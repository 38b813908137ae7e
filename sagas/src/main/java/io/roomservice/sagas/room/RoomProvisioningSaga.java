package io.roomservice.sagas.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RecordRoomProvisioned;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.RetryPolicy;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a room exist on the homeserver: after a creation request, a retry or a reprovisioning it
 * creates the room, and records the outcome on the room as a command. Transient failures are retried
 * with backoff on a persisted deadline; a permanent failure, or running out of attempts, puts the
 * room in error with the reason.
 */
@Saga
public class RoomProvisioningSaga {

    static final String ROOM_ID = "roomId";
    static final String RETRY_DEADLINE = "room-provisioning-retry";

    private static final Logger log = LoggerFactory.getLogger(RoomProvisioningSaga.class);

    private RoomId roomId;
    private ProjectId projectId;
    private String name;
    private int attemptsMade;
    private String retryDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomCreationRequested event, Homeserver homeserver, CommandGateway commands,
                   DeadlineManager deadlines, RetryPolicy retryPolicy) {
        begin(event.roomId(), event.projectId(), event.name(), deadlines);
        attempt(homeserver, commands, deadlines, retryPolicy);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomProvisioningRetried event, Homeserver homeserver, CommandGateway commands,
                   DeadlineManager deadlines, RetryPolicy retryPolicy) {
        begin(event.roomId(), event.projectId(), event.name(), deadlines);
        attempt(homeserver, commands, deadlines, retryPolicy);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReprovisioningStarted event, Homeserver homeserver, CommandGateway commands,
                   DeadlineManager deadlines, RetryPolicy retryPolicy) {
        begin(event.roomId(), event.projectId(), event.name(), deadlines);
        attempt(homeserver, commands, deadlines, retryPolicy);
    }

    /**
     * The deadline carries the room id as its payload, and takes it as first parameter: Axon reads the first
     * parameter of a deadline handler as the payload, so a resource there would never match the deadline.
     */
    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    public void retry(RoomId room, Homeserver homeserver, CommandGateway commands, DeadlineManager deadlines,
                      RetryPolicy retryPolicy) {
        retryDeadlineId = null;
        attempt(homeserver, commands, deadlines, retryPolicy);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomActivated event, DeadlineManager deadlines) {
        cancelRetry(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomFailed event, DeadlineManager deadlines) {
        cancelRetry(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event, DeadlineManager deadlines) {
        cancelRetry(deadlines);
    }

    /** A retry while a round is still running starts a fresh round: the caller asked for it now. */
    private void begin(RoomId roomId, ProjectId projectId, String name, DeadlineManager deadlines) {
        this.roomId = roomId;
        this.projectId = projectId;
        this.name = name;
        this.attemptsMade = 0;
        cancelRetry(deadlines);
    }

    private void attempt(Homeserver homeserver, CommandGateway commands, DeadlineManager deadlines,
                         RetryPolicy retryPolicy) {
        try {
            var room = homeserver.createRoom(new RoomSpec(roomId, projectId, name));
            SystemCommands.send(commands, new RecordRoomProvisioned(roomId, room.matrixRoomId(), room.alias()));
        } catch (HomeserverException failure) {
            attemptsMade++;
            if (!failure.isTransient() || retryPolicy.exhausted(attemptsMade)) {
                SystemCommands.send(commands, new RecordRoomFailure(roomId, reason(failure)));
            } else {
                var delay = retryPolicy.delayAfter(attemptsMade, failure);
                log.info("Creating room {} failed (attempt {}), retrying in {}: {}", roomId, attemptsMade, delay,
                        failure.getMessage());
                retryDeadlineId = deadlines.schedule(delay, RETRY_DEADLINE, roomId);
            }
        }
    }

    private String reason(HomeserverException failure) {
        return failure.isTransient()
                ? "Creating the room failed after " + attemptsMade + " attempts: " + failure.getMessage()
                : "Creating the room failed: " + failure.getMessage();
    }

    private void cancelRetry(DeadlineManager deadlines) {
        if (retryDeadlineId != null) {
            deadlines.cancelSchedule(RETRY_DEADLINE, retryDeadlineId);
            retryDeadlineId = null;
        }
    }

    // Jackson stores the saga: these accessors are its persisted state.

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

    public int getAttemptsMade() {
        return attemptsMade;
    }

    public void setAttemptsMade(int attemptsMade) {
        this.attemptsMade = attemptsMade;
    }

    public String getRetryDeadlineId() {
        return retryDeadlineId;
    }

    public void setRetryDeadlineId(String retryDeadlineId) {
        this.retryDeadlineId = retryDeadlineId;
    }
}
