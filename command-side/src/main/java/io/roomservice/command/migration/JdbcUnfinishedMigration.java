package io.roomservice.command.migration;

import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationCompleted;
import io.roomservice.api.migration.MigrationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code cmd_homeserver_migrations}: one row per migration, newest first for the list of migrations.
 * {@code unfinished} is {@code 'unfinished'} while the migration runs or is paused and null once it
 * completed or was cancelled; its unique key lets one row at a time hold the value (nulls do not
 * collide, on PostgreSQL and H2 alike). A start inserts its row holding the value, in its command's
 * transaction; a racing start waits for the first one's transaction and then breaks the key. The value
 * is released in the transaction that stores the completion or the cancellation (a subscribing group).
 */
@Component
@ProcessingGroup(JdbcUnfinishedMigration.PROCESSING_GROUP)
public class JdbcUnfinishedMigration implements UnfinishedMigration {

    public static final String PROCESSING_GROUP = "migration-lookup";

    private final JdbcTemplate jdbc;

    public JdbcUnfinishedMigration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Claim claim(MigrationId migrationId) {
        var holder = unfinished();
        if (holder.isPresent()) {
            return Claim.heldBy(holder);
        }
        try {
            jdbc.update("insert into cmd_homeserver_migrations (migration_id, started_at, unfinished) "
                    + "values (?, ?, 'unfinished')", migrationId.value(), Timestamp.from(Instant.now()));
            return Claim.won();
        } catch (DuplicateKeyException racingStart) {
            return Claim.heldBy(Optional.empty());
        }
    }

    private Optional<MigrationId> unfinished() {
        return jdbc.queryForList("select migration_id from cmd_homeserver_migrations where unfinished is not null",
                UUID.class).stream().findFirst().map(MigrationId::new);
    }

    @EventHandler
    void on(HomeserverMigrationCompleted event) {
        release(event.migrationId());
    }

    @EventHandler
    void on(HomeserverMigrationCancelled event) {
        release(event.migrationId());
    }

    private void release(MigrationId migrationId) {
        jdbc.update("update cmd_homeserver_migrations set unfinished = null where migration_id = ?",
                migrationId.value());
    }
}
