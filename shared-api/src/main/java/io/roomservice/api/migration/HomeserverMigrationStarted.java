package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The plan: these rooms, in this order, at most {@code concurrency} of them being recreated at once. */
@Revision("1")
public record HomeserverMigrationStarted(MigrationId migrationId, String homeserverUrl, List<RoomId> rooms,
                                         int accountsReset, int concurrency) implements MigrationEvent {
}
