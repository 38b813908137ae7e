package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Recreates these rooms on the homeserver of the current link, {@code concurrency} at a time, in this
 * order. {@code homeserverUrl} is recorded for the report (never a token); {@code accountsReset} is
 * how many Matrix accounts were marked to be made again before the start.
 */
public record StartHomeserverMigration(@TargetAggregateIdentifier MigrationId migrationId, String homeserverUrl,
                                       List<RoomId> rooms, int accountsReset,
                                       int concurrency) {

    public StartHomeserverMigration {
        rooms = List.copyOf(rooms);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }
}
