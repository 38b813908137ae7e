package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** These planned rooms are not started; rooms being recreated finish and their outcome is recorded. */
@Revision("1")
public record HomeserverMigrationCancelled(MigrationId migrationId, List<RoomId> notStarted) implements MigrationEvent {
}
