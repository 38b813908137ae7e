package io.roomservice.command.migration;

import io.roomservice.api.migration.CancelHomeserverMigration;
import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationCompleted;
import io.roomservice.api.migration.HomeserverMigrationPaused;
import io.roomservice.api.migration.HomeserverMigrationResumed;
import io.roomservice.api.migration.HomeserverMigrationStarted;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.MigrationState;
import io.roomservice.api.migration.PauseHomeserverMigration;
import io.roomservice.api.migration.RecordRoomMigrated;
import io.roomservice.api.migration.RecordRoomMigrationFailed;
import io.roomservice.api.migration.RecordRoomMigrationSkipped;
import io.roomservice.api.migration.ResumeHomeserverMigration;
import io.roomservice.api.migration.RoomMigrated;
import io.roomservice.api.migration.RoomMigrationFailed;
import io.roomservice.api.migration.RoomMigrationSkipped;
import io.roomservice.api.migration.RoomMigrationStarted;
import io.roomservice.api.migration.StartHomeserverMigration;
import io.roomservice.api.room.RoomId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.roomservice.api.migration.MigrationRejections.alreadyRunning;
import static io.roomservice.api.migration.MigrationRejections.wrongState;
import static io.roomservice.api.migration.MigrationState.CANCELLED;
import static io.roomservice.api.migration.MigrationState.COMPLETED;
import static io.roomservice.api.migration.MigrationState.PAUSED;
import static io.roomservice.api.migration.MigrationState.RUNNING;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A move of every active room to the homeserver of the current link, as one operation that survives
 * restarts. It decides which room goes next: at most {@code concurrency} rooms are being recreated at
 * once, each planned room is started once ({@link RoomMigrationStarted}) and gets one outcome. The
 * saga that drives it sends each started room through provisioning and reports the outcome back.
 * <p>
 * Cached between commands like rooms: every outcome is a command, and loading a migration of
 * thousands of rooms from its events for each would cost the square of its size.
 */
@Aggregate(cache = "aggregateCache")
public class HomeserverMigration {

    @AggregateIdentifier
    private MigrationId migrationId;
    private MigrationState state;
    private int concurrency;
    /** Planned and not started yet, in plan order. */
    private final Set<RoomId> pending = new LinkedHashSet<>();
    private final Set<RoomId> inProgress = new HashSet<>();

    protected HomeserverMigration() {
        // for Axon
    }

    /**
     * Events applied in a constructor reach the event sourcing handlers only once it returns, so the
     * first rooms are chosen from the command, not from the state.
     */
    @CommandHandler
    public HomeserverMigration(StartHomeserverMigration command, UnfinishedMigration unfinished) {
        var claim = unfinished.claim(command.migrationId());
        if (!claim.claimed()) {
            throw alreadyRunning(claim.holder());
        }
        // a room named twice is still started once
        List<RoomId> rooms = List.copyOf(new LinkedHashSet<>(command.rooms()));
        apply(new HomeserverMigrationStarted(command.migrationId(), command.homeserverUrl(), rooms,
                command.accountsReset(), command.concurrency()));
        rooms.stream().limit(command.concurrency())
                .forEach(room -> apply(new RoomMigrationStarted(command.migrationId(), room)));
        if (rooms.isEmpty()) {
            apply(new HomeserverMigrationCompleted(command.migrationId()));
        }
    }

    /** An outcome for a room that is not in progress (a repeated report) records nothing. */
    @CommandHandler
    public void handle(RecordRoomMigrated command) {
        if (inProgress.contains(command.roomId())) {
            apply(new RoomMigrated(migrationId, command.roomId(), command.matrixRoomId()));
            startNextOrComplete();
        }
    }

    @CommandHandler
    public void handle(RecordRoomMigrationFailed command) {
        if (inProgress.contains(command.roomId())) {
            apply(new RoomMigrationFailed(migrationId, command.roomId(), command.reason()));
            startNextOrComplete();
        }
    }

    @CommandHandler
    public void handle(RecordRoomMigrationSkipped command) {
        if (inProgress.contains(command.roomId())) {
            apply(new RoomMigrationSkipped(migrationId, command.roomId(), command.reason()));
            startNextOrComplete();
        }
    }

    /** Pausing a paused migration changes nothing; a finished one cannot be paused. */
    @CommandHandler
    public void handle(PauseHomeserverMigration command) {
        if (state == PAUSED) {
            return;
        }
        if (state != RUNNING) {
            throw wrongState("Only a running migration can be paused; this one is " + state.wireName() + ".");
        }
        apply(new HomeserverMigrationPaused(migrationId));
    }

    /** Resuming a running migration changes nothing; a finished one cannot be resumed. */
    @CommandHandler
    public void handle(ResumeHomeserverMigration command) {
        if (state == RUNNING) {
            return;
        }
        if (state != PAUSED) {
            throw wrongState("Only a paused migration can be resumed; this one is " + state.wireName() + ".");
        }
        apply(new HomeserverMigrationResumed(migrationId));
        startNextOrComplete();
    }

    /**
     * The rooms not started yet stay as they are (active, on the old homeserver); rooms in progress
     * finish and their outcomes are still recorded. Cancelling twice changes nothing.
     */
    @CommandHandler
    public void handle(CancelHomeserverMigration command) {
        if (state == CANCELLED) {
            return;
        }
        if (state == COMPLETED) {
            throw wrongState("This migration has completed; there is nothing left to cancel.");
        }
        apply(new HomeserverMigrationCancelled(migrationId, List.copyOf(pending)));
    }

    /** Keeps {@code concurrency} rooms in progress while running; done once every room has its outcome. */
    private void startNextOrComplete() {
        if (state.finished()) {
            return;
        }
        while (state == RUNNING && inProgress.size() < concurrency && !pending.isEmpty()) {
            apply(new RoomMigrationStarted(migrationId, pending.iterator().next()));
        }
        if (pending.isEmpty() && inProgress.isEmpty()) {
            apply(new HomeserverMigrationCompleted(migrationId));
        }
    }

    @EventSourcingHandler
    void on(HomeserverMigrationStarted event) {
        migrationId = event.migrationId();
        state = RUNNING;
        concurrency = event.concurrency();
        pending.addAll(event.rooms());
    }

    @EventSourcingHandler
    void on(RoomMigrationStarted event) {
        pending.remove(event.roomId());
        inProgress.add(event.roomId());
    }

    @EventSourcingHandler
    void on(RoomMigrated event) {
        inProgress.remove(event.roomId());
    }

    @EventSourcingHandler
    void on(RoomMigrationFailed event) {
        inProgress.remove(event.roomId());
    }

    @EventSourcingHandler
    void on(RoomMigrationSkipped event) {
        inProgress.remove(event.roomId());
    }

    @EventSourcingHandler
    void on(HomeserverMigrationPaused event) {
        state = PAUSED;
    }

    @EventSourcingHandler
    void on(HomeserverMigrationResumed event) {
        state = RUNNING;
    }

    @EventSourcingHandler
    void on(HomeserverMigrationCancelled event) {
        state = CANCELLED;
        pending.clear();
    }

    @EventSourcingHandler
    void on(HomeserverMigrationCompleted event) {
        state = COMPLETED;
    }
}
