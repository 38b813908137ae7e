package io.roomservice.query.migration;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.migration.FindHomeserverMigration;
import io.roomservice.api.migration.FindHomeserverMigrations;
import io.roomservice.api.migration.MigrationSummaries;
import io.roomservice.api.migration.MigrationEvent;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.MigrationReport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.UUID;

/**
 * A migration's progress and report, folded from its own events in the event store: always what the
 * migration has decided so far (a pause is visible in the answer to the pause itself), with no read
 * model to rebuild. A migration has two to three events per room, read once per request. The list
 * takes the migrations' ids, newest first, from the command side's {@code cmd_homeserver_migrations}.
 */
@Component
public class HomeserverMigrationQueries {

    /** Axon records the aggregate's simple class name; another aggregate's uuid is no migration. */
    static final String AGGREGATE_TYPE = "HomeserverMigration";

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public HomeserverMigrationQueries(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Null when there is no such migration. */
    @QueryHandler
    public MigrationReport handle(FindHomeserverMigration query) {
        return report(query.migrationId(), true);
    }

    @QueryHandler
    public MigrationSummaries handle(FindHomeserverMigrations query) {
        return new MigrationSummaries(jdbc.queryForList(
                        "select migration_id from cmd_homeserver_migrations order by started_at desc", UUID.class)
                .stream()
                .map(id -> report(new MigrationId(id), false))
                .filter(Objects::nonNull)
                .toList());
    }

    private MigrationReport report(MigrationId migrationId, boolean withRooms) {
        var fold = new MigrationReportFold();
        eventStore.readEvents(migrationId.toString()).asStream()
                .takeWhile(event -> AGGREGATE_TYPE.equals(event.getType()))
                .filter(event -> event.getPayload() instanceof MigrationEvent)
                .forEach(event -> fold.apply((MigrationEvent) event.getPayload(), event.getTimestamp(),
                        Objects.toString(event.getMetaData().get(MetaDataKeys.ACTOR), null)));
        return fold.report(withRooms);
    }
}
