package io.roomservice.infra.migration;

import io.roomservice.api.migration.CancelHomeserverMigration;
import io.roomservice.api.migration.FindHomeserverMigration;
import io.roomservice.api.migration.FindHomeserverMigrations;
import io.roomservice.api.migration.MigrationSummaries;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.MigrationRejections;
import io.roomservice.api.migration.MigrationReport;
import io.roomservice.api.migration.PauseHomeserverMigration;
import io.roomservice.api.migration.ResumeHomeserverMigration;
import io.roomservice.api.migration.StartHomeserverMigration;
import io.roomservice.api.profile.ResetMatrixUserProvisioning;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.appservice.AppserviceLink;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Commands;
import io.roomservice.infra.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves every active room to the homeserver of the current link as a {@code HomeserverMigration}:
 * planned from the room list, started with one command, then driven room by room by its saga, so no
 * request waits for it and a restart loses nothing. The plan is read from the room list and the
 * profiles read models, as the earlier in-request reprovisioning did; a room that changed since is
 * skipped by the migration.
 */
@Service
public class HomeserverMigrations {

    private static final Logger log = LoggerFactory.getLogger(HomeserverMigrations.class);

    /** Why a room that is not active is left alone, by its state in the room list. */
    private static final Map<String, String> LEFT_ALONE = Map.of(
            "CREATING", "Being created already: it is created on the homeserver of the current link.",
            "ERROR", "In error: retry it once the migration is done, which creates it on the new homeserver.",
            "DISABLING", "Being disabled: it is archived, not recreated.",
            "ARCHIVED", "Archived: its Matrix room stays on the old homeserver; reactivate it and reprovision it "
                    + "if it is needed there.");

    private final AppserviceLink link;
    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final QueryGateway queries;
    private final MigrationProperties properties;

    public HomeserverMigrations(AppserviceLink link, JdbcTemplate jdbc, Commands commands, QueryGateway queries,
                                MigrationProperties properties) {
        this.link = link;
        this.jdbc = jdbc;
        this.commands = commands;
        this.queries = queries;
        this.properties = properties;
    }

    /** What a migration would do now; records nothing. */
    public MigrationPlan plan() {
        requireLink();
        var reprovision = new ArrayList<MigrationPlan.PlannedRoom>();
        var leftAlone = new ArrayList<MigrationPlan.RoomLeftAlone>();
        jdbc.query("select room_id, name, state from rooms where state <> 'DELETED' order by created, room_id", rs -> {
            var uuid = rs.getObject(1, UUID.class);
            String state = rs.getString(3);
            if ("ACTIVE".equals(state)) {
                reprovision.add(new MigrationPlan.PlannedRoom(uuid, rs.getString(2)));
            } else {
                leftAlone.add(new MigrationPlan.RoomLeftAlone(uuid, rs.getString(2), state.toLowerCase(Locale.ROOT),
                        LEFT_ALONE.getOrDefault(state, "Not active.")));
            }
        });
        int accounts = jdbc.queryForObject("select count(*) from user_profiles where provisioned", Integer.class);
        return new MigrationPlan(true, link.current().homeserverUrl(), properties.concurrency(), reprovision,
                leftAlone, accounts);
    }

    /**
     * Resets the accounts, then starts the migration of the planned rooms. The accounts go first: the
     * member syncs of the recreated rooms register them on the new homeserver only once they are reset.
     * A second migration while one is unfinished is refused (409) before any account is reset.
     */
    public MigrationReport start(Caller caller, HttpServletRequest request) {
        requireLink();
        unfinished().ifPresent(running -> {
            throw MigrationRejections.alreadyRunning(Optional.of(running));
        });
        var plan = plan();
        List<UUID> provisioned = jdbc.queryForList("select user_id from user_profiles where provisioned", UUID.class);
        for (UUID user : provisioned) {
            commands.send(new ResetMatrixUserProvisioning(new UserId(user)), caller, request);
        }
        var migrationId = MigrationId.random();
        commands.send(new StartHomeserverMigration(migrationId, plan.homeserverUrl(),
                plan.roomsToReprovision().stream().map(room -> new RoomId(room.uuid())).toList(),
                provisioned.size(), properties.concurrency()), caller, request);
        log.info("Homeserver migration {} of {} active room(s) to {}, {} at a time, {} account(s) reset, started by {}",
                migrationId, plan.roomsToReprovision().size(), plan.homeserverUrl(), properties.concurrency(),
                provisioned.size(), caller.actor());
        return find(migrationId);
    }

    public List<MigrationReport> list() {
        return queries.query(new FindHomeserverMigrations(), ResponseTypes.instanceOf(MigrationSummaries.class))
                .join().migrations();
    }

    /** 404 when there is no such migration. */
    public MigrationReport find(MigrationId migrationId) {
        var report = queries.query(new FindHomeserverMigration(migrationId),
                ResponseTypes.instanceOf(MigrationReport.class)).join();
        if (report == null) {
            throw new NotFoundException("No homeserver migration " + migrationId + ".");
        }
        return report;
    }

    public MigrationReport pause(MigrationId migrationId, Caller caller, HttpServletRequest request) {
        find(migrationId);
        commands.send(new PauseHomeserverMigration(migrationId), caller, request);
        return find(migrationId);
    }

    public MigrationReport resume(MigrationId migrationId, Caller caller, HttpServletRequest request) {
        find(migrationId);
        commands.send(new ResumeHomeserverMigration(migrationId), caller, request);
        return find(migrationId);
    }

    public MigrationReport cancel(MigrationId migrationId, Caller caller, HttpServletRequest request) {
        find(migrationId);
        commands.send(new CancelHomeserverMigration(migrationId), caller, request);
        return find(migrationId);
    }

    private Optional<MigrationId> unfinished() {
        return jdbc.queryForList("select migration_id from cmd_homeserver_migrations where unfinished is not null",
                UUID.class).stream().findFirst().map(MigrationId::new);
    }

    private void requireLink() {
        if (!link.current().isConfigured()) {
            throw new BadRequestException("appservice-not-set-up", null,
                    "No homeserver is set up; run the appservice setup first.");
        }
    }
}
