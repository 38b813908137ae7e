package io.roomservice.api.migration;

/** Every migration, newest first, as {@link HomeserverMigrations}; their rooms left out. */
public record FindHomeserverMigrations() {
}
