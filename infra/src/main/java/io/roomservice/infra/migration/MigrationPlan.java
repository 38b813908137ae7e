package io.roomservice.infra.migration;

import java.util.List;
import java.util.UUID;

/**
 * What a migration would do now ({@code dry_run}): the active rooms it would recreate in this order,
 * the rooms it leaves alone with their state and why, and how many Matrix accounts it would mark to
 * be registered again on the new homeserver.
 */
public record MigrationPlan(boolean dryRun, String homeserverUrl, int concurrency, List<PlannedRoom> roomsToReprovision,
                            List<RoomLeftAlone> roomsLeftAlone, int accountsToReset) {

    public record PlannedRoom(UUID uuid, String roomName) {
    }

    public record RoomLeftAlone(UUID uuid, String roomName, String state, String reason) {
    }
}
