package io.roomservice.sagas.migration;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationCompleted;
import io.roomservice.api.migration.HomeserverMigrationStarted;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.RecordRoomMigrated;
import io.roomservice.api.migration.RecordRoomMigrationFailed;
import io.roomservice.api.migration.RecordRoomMigrationSkipped;
import io.roomservice.api.migration.RoomMigrationStarted;
import io.roomservice.api.room.ReprovisionRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;
import static org.axonframework.modelling.saga.SagaLifecycle.removeAssociationWith;

/**
 * Drives a {@code HomeserverMigration}: every room the migration starts is reprovisioned
 * ({@link ReprovisionRoom}; {@link io.roomservice.sagas.room.RoomProvisioningSaga} creates it on the
 * homeserver of the current link, found by its alias if it is there already), and the room's outcome is reported back, which
 * lets the migration start the next room. Which room goes next, and how many at once, is the
 * migration's decision; the saga follows only the rooms in progress.
 * <p>
 * A room that can no longer be reprovisioned (it was disabled, reprovisioned by hand or deleted
 * since the plan) is reported skipped: its refusal records nothing. Outcome reports are sent and
 * waited for, so a failure rolls the saga's transaction back and the event is handled again; a lost
 * report would hold the migration's place for that room forever. Everything is in the saga store and
 * the event store, so after a restart the saga goes on where its processor stopped.
 */
@Saga
public class HomeserverMigrationSaga {

    static final String MIGRATION_ID = "migrationId";
    static final String ROOM_ID = "roomId";
    static final String DELETED = "The room was deleted while it was being recreated.";
    static final String DELETED_BEFORE = "The room was deleted since the migration was planned.";

    private MigrationId migrationId;
    private Set<RoomId> inProgress = new HashSet<>();
    private boolean cancelled;

    @StartSaga
    @SagaEventHandler(associationProperty = MIGRATION_ID)
    public void on(HomeserverMigrationStarted event) {
        migrationId = event.migrationId();
    }

    @SagaEventHandler(associationProperty = MIGRATION_ID)
    public void on(RoomMigrationStarted event, CommandGateway commands) {
        try {
            SystemCommands.sendAndWait(commands, new ReprovisionRoom(event.roomId()));
        } catch (CommandRejectedException changedMeanwhile) {
            SystemCommands.sendAndWait(commands,
                    new RecordRoomMigrationSkipped(migrationId, event.roomId(), changedMeanwhile.getMessage()));
            return;
        } catch (AggregateNotFoundException deleted) {
            SystemCommands.sendAndWait(commands, new RecordRoomMigrationSkipped(migrationId, event.roomId(),
                    DELETED_BEFORE));
            return;
        }
        inProgress.add(event.roomId());
        associateWith(ROOM_ID, event.roomId().toString());
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomActivated event, CommandGateway commands) {
        finish(event.roomId(), commands, new RecordRoomMigrated(migrationId, event.roomId(), event.matrixRoomId()));
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomFailed event, CommandGateway commands) {
        finish(event.roomId(), commands, new RecordRoomMigrationFailed(migrationId, event.roomId(), event.reason()));
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event, CommandGateway commands) {
        finish(event.roomId(), commands, new RecordRoomMigrationSkipped(migrationId, event.roomId(), DELETED));
    }

    /** Rooms still in progress are followed until their outcome is recorded; then the saga ends. */
    @SagaEventHandler(associationProperty = MIGRATION_ID)
    public void on(HomeserverMigrationCancelled event) {
        cancelled = true;
        endWhenNothingIsInProgress();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = MIGRATION_ID)
    public void on(HomeserverMigrationCompleted event) {
        // every planned room has its outcome
    }

    private void finish(RoomId roomId, CommandGateway commands, Object outcome) {
        inProgress.remove(roomId);
        removeAssociationWith(ROOM_ID, roomId.toString());
        SystemCommands.sendAndWait(commands, outcome);
        endWhenNothingIsInProgress();
    }

    private void endWhenNothingIsInProgress() {
        if (cancelled && inProgress.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    // Jackson stores the saga: these accessors are its persisted state.

    public MigrationId getMigrationId() {
        return migrationId;
    }

    public void setMigrationId(MigrationId migrationId) {
        this.migrationId = migrationId;
    }

    public Set<RoomId> getInProgress() {
        return inProgress;
    }

    public void setInProgress(Set<RoomId> inProgress) {
        this.inProgress = new HashSet<>(inProgress);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void setCancelled(boolean cancelled) {
        this.cancelled = cancelled;
    }
}
