package io.roomservice.api.migration;

/** Every event of a homeserver migration names it; the report is folded from them. */
public interface MigrationEvent {

    MigrationId migrationId();
}
