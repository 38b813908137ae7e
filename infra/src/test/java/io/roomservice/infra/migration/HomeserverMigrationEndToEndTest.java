package io.roomservice.infra.migration;

import io.roomservice.infra.appservice.AppserviceLink;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A move to a new homeserver as an operation over HTTP: a dry run that records nothing, a migration
 * that recreates every active room a few at a time and reports each room's outcome, pause, resume and
 * cancel, and every refusal as problem+json. The homeserver is the scripted one; the test database is
 * shared with other classes, so every active room there is part of each migration, and no migration
 * is left unfinished for the next class.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = "roomservice.migration.concurrency=2")
class HomeserverMigrationEndToEndTest extends EndToEndTest {

    private static final String MIGRATIONS = "/api/admin/matrix/migrations/";
    private static final Duration FINISHING = Duration.ofSeconds(120);

    @Autowired
    AppserviceLink link;

    /** Another class may have linked another homeserver (setup never changes it); any link will do. */
    @BeforeEach
    void homeserverSetUpAndNoMigrationUnfinished() {
        link.refresh();
        if (!link.current().isConfigured()) {
            setUpLink();
        }
        cancelUnfinished();
    }

    private void setUpLink() {
        var setup = api.post("/api/admin/matrix-appservice/setup/", TestTokens.staff(), """
                {"url": "http://127.0.0.1:8080/", "sender_localpart": "roomservice-bot",
                 "homeserver_url": "http://127.0.0.1:8008", "homeserver_domain": "roomservice.test",
                 "user_registration_secret": "the-registration-shared-secret"}""");
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
    }

    @AfterEach
    void cancelUnfinished() {
        jdbc.queryForList("select migration_id from cmd_homeserver_migrations where unfinished is not null",
                UUID.class).forEach(id -> api.post(MIGRATIONS + id + "/cancel/", TestTokens.staff(), null));
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void a_dry_run_lists_what_would_happen_and_records_nothing() {
        var active = activeRoom("Dry run active");
        var erred = erredRoom("Dry run erred", "M_FORBIDDEN: not today");
        long migrationEvents = migrationEvents();
        long migrations = jdbc.queryForObject("select count(*) from cmd_homeserver_migrations", Long.class);

        var response = api.post(MIGRATIONS, TestTokens.staff(), "{\"dry_run\": true}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode plan = response.json();
        assertThat(plan.get("dry_run").asBoolean()).isTrue();
        assertThat(plan.get("homeserver_url").asString()).isEqualTo(link.current().homeserverUrl());
        assertThat(uuids(plan.get("rooms_to_reprovision"))).contains(active).doesNotContain(erred);
        var leftAlone = byUuid(plan.get("rooms_left_alone"));
        assertThat(leftAlone).containsKey(erred).doesNotContainKey(active);
        assertThat(leftAlone.get(erred).get("state").asString()).isEqualTo("error");
        assertThat(leftAlone.get(erred).get("reason").asString()).contains("retry");
        assertThat(plan.get("accounts_to_reset").asInt()).isNotNegative();

        assertThat(migrationEvents()).isEqualTo(migrationEvents);
        assertThat(jdbc.queryForObject("select count(*) from cmd_homeserver_migrations", Long.class))
                .isEqualTo(migrations);
        assertThat(roomEvents(active, "RoomReprovisioningStarted")).isZero();
    }

    @Test
    void a_migration_recreates_every_active_room_once_and_reports_each_outcome() {
        var moved = activeRoom("Moved along");
        var failingProject = registerProject("Refused on the new homeserver");
        var failing = createdRoom(failingProject);
        awaitState(failing, "active");
        homeserver.failPermanently(failingProject, "M_FORBIDDEN: the new homeserver says no");
        var erred = erredRoom("Left in error", "M_FORBIDDEN: never");
        long before = lastGlobalIndex();

        var started = api.post(MIGRATIONS, TestTokens.staff(), null);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String migration = started.json().get("uuid").asString();
        assertThat(started.header("Location")).isEqualTo(MIGRATIONS + migration + "/");
        assertThat(started.json().get("concurrency").asInt()).isEqualTo(2);
        assertThat(started.json().get("progress").get("total").asInt()).isGreaterThanOrEqualTo(2);
        var report = awaitFinished(migration, "completed");

        var rooms = byUuid(report.get("rooms"));
        assertThat(rooms).containsKeys(moved, failing).doesNotContainKey(erred);
        assertThat(rooms.get(moved).get("outcome").asString()).isEqualTo("migrated");
        assertThat(rooms.get(moved).get("matrix_room_id").asString()).startsWith("!");
        assertThat(rooms.get(failing).get("outcome").asString()).isEqualTo("failed");
        assertThat(rooms.get(failing).get("reason").asString()).contains("the new homeserver says no");
        var progress = report.get("progress");
        assertThat(progress.get("remaining").asInt()).isZero();
        assertThat(progress.get("in_progress").asInt()).isZero();
        assertThat(progress.get("migrated").asInt() + progress.get("failed").asInt() + progress.get("skipped").asInt())
                .isEqualTo(progress.get("total").asInt());
        assertThat(report.get("finished_at").isNull()).isFalse();
        assertThat(report.get("started_by").asString()).startsWith("user:");
        // a room is reprovisioned once per migration, whatever its outcome
        rooms.keySet().forEach(room -> assertThat(reprovisionedSince(room, before)).as(room).isOne());
        awaitState(moved, "active");
        awaitState(failing, "error");

        var listed = api.get(MIGRATIONS, TestTokens.staff());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).get("uuid").asString()).isEqualTo(migration);
        assertThat(listed.json().get(0).has("rooms")).isFalse();
        expectProblem(api.post(MIGRATIONS + migration + "/pause/", TestTokens.staff(), null), 409,
                "migration-wrong-state");
        expectProblem(api.post(MIGRATIONS + migration + "/cancel/", TestTokens.staff(), null), 409,
                "migration-wrong-state");
    }

    @Test
    void a_paused_migration_starts_no_room_until_resumed_and_skips_a_room_disabled_meanwhile() {
        var planned = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            planned.add(activeRoom("Paused " + i));
        }
        long before = lastGlobalIndex();

        String migration = api.post(MIGRATIONS, TestTokens.staff(), null).json().get("uuid").asString();
        var paused = api.post(MIGRATIONS + migration + "/pause/", TestTokens.staff(), null);

        assertThat(paused.status()).as(paused.body()).isEqualTo(202);
        assertThat(paused.json().get("state").asString()).isEqualTo("paused");
        var quiet = awaitNothingInProgress(migration);
        assertThat(quiet.get("state").asString()).isEqualTo("paused");
        // with two at a time, at most four rooms finished before the pause took hold
        assertThat(quiet.get("progress").get("remaining").asInt()).isGreaterThanOrEqualTo(2);
        List<String> waiting = pendingRooms(migration);
        assertThat(waiting).isNotEmpty();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(pendingRooms(migration)).isEqualTo(waiting));
        waiting.forEach(room -> assertThat(reprovisionedSince(room, before)).as(room).isZero());
        assertThat(api.post(MIGRATIONS + migration + "/pause/", TestTokens.staff(), null).status()).isEqualTo(202);

        String disabled = waiting.get(waiting.size() - 1);
        var disabling = api.post("/api/matrix/rooms/" + disabled + "/disable/", TestTokens.staff(), null);
        assertThat(disabling.status()).as(disabling.body()).isEqualTo(202);
        awaitState(disabled, "archived");

        var resumed = api.post(MIGRATIONS + migration + "/resume/", TestTokens.staff(), null);

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
        var report = awaitFinished(migration, "completed");
        var rooms = byUuid(report.get("rooms"));
        assertThat(rooms.get(disabled).get("outcome").asString()).isEqualTo("skipped");
        assertThat(rooms.get(disabled).get("reason").asString()).contains("active");
        planned.stream().filter(room -> !room.equals(disabled)).forEach(room -> {
            assertThat(rooms.get(room).get("outcome").asString()).as(room).isEqualTo("migrated");
            assertThat(reprovisionedSince(room, before)).as(room).isOne();
        });
        assertThat(reprovisionedSince(disabled, before)).isZero();
    }

    @Test
    void a_cancelled_migration_starts_nothing_more_and_another_may_start() {
        for (int i = 0; i < 6; i++) {
            activeRoom("Cancelled " + i);
        }
        long before = lastGlobalIndex();
        String migration = api.post(MIGRATIONS, TestTokens.staff(), null).json().get("uuid").asString();

        var cancelled = api.post(MIGRATIONS + migration + "/cancel/", TestTokens.staff(), null);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("progress").get("not_started").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(cancelled.json().get("progress").get("remaining").asInt()).isZero();
        var report = awaitNothingInProgress(migration);
        var notStarted = new ArrayList<String>();
        report.get("rooms").forEach(room -> {
            if ("not_started".equals(room.get("outcome").asString())) {
                notStarted.add(room.get("uuid").asString());
            }
        });
        assertThat(notStarted).hasSize(cancelled.json().get("progress").get("not_started").asInt());
        notStarted.forEach(room -> assertThat(reprovisionedSince(room, before)).as(room).isZero());
        assertThat(api.post(MIGRATIONS + migration + "/cancel/", TestTokens.staff(), null).status()).isEqualTo(202);
        expectProblem(api.post(MIGRATIONS + migration + "/resume/", TestTokens.staff(), null), 409,
                "migration-wrong-state");
        expectProblem(api.post(MIGRATIONS + migration + "/pause/", TestTokens.staff(), null), 409,
                "migration-wrong-state");

        var next = api.post(MIGRATIONS, TestTokens.staff(), null);
        assertThat(next.status()).as(next.body()).isEqualTo(202);
        awaitFinished(next.json().get("uuid").asString(), "completed");
    }

    @Test
    void a_second_migration_while_one_is_unfinished_is_refused() {
        activeRoom("Only one at a time");
        String migration = api.post(MIGRATIONS, TestTokens.staff(), null).json().get("uuid").asString();
        api.post(MIGRATIONS + migration + "/pause/", TestTokens.staff(), null);
        int migrations = jdbc.queryForObject("select count(*) from cmd_homeserver_migrations", Integer.class);

        expectProblem(api.post(MIGRATIONS, TestTokens.staff(), null), 409, "migration-already-running");
        expectProblem(api.post("/api/admin/matrix/reprovision/", TestTokens.staff(), null), 409,
                "migration-already-running");
        assertThat(jdbc.queryForObject("select count(*) from cmd_homeserver_migrations", Integer.class))
                .isEqualTo(migrations);
    }

    @Test
    void the_reprovision_shortcut_starts_a_migration() {
        var room = activeRoom("Shortcut");

        var response = api.post("/api/admin/matrix/reprovision/", TestTokens.staff(), null);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("rooms_reprovisioned").asInt()).isPositive();
        assertThat(response.json().get("users_reset").asInt()).isNotNegative();
        var report = awaitFinished(response.json().get("uuid").asString(), "completed");
        assertThat(byUuid(report.get("rooms")).get(room).get("outcome").asString()).isEqualTo("migrated");
    }

    @Test
    void unknown_migrations_are_404_and_bad_input_400() {
        var unknown = UUID.randomUUID();
        expectProblem(api.get(MIGRATIONS + unknown + "/", TestTokens.staff()), 404, "not-found");
        for (String action : List.of("pause", "resume", "cancel")) {
            expectProblem(api.post(MIGRATIONS + unknown + "/" + action + "/", TestTokens.staff(), null), 404,
                    "not-found");
        }
        // a room's uuid names no migration
        var room = activeRoom("Not a migration");
        expectProblem(api.get(MIGRATIONS + room + "/", TestTokens.staff()), 404, "not-found");

        var malformed = api.post(MIGRATIONS, TestTokens.staff(), "{\"dry_run\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        var notAUuid = api.get(MIGRATIONS + "not-a-uuid/", TestTokens.staff());
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.contentType()).startsWith("application/problem+json");
    }

    @Test
    void only_staff_may_migrate() {
        var any = UUID.randomUUID();
        for (String token : List.of(TestTokens.support(), TestTokens.person(UUID.randomUUID()), TestTokens.host())) {
            assertThat(api.post(MIGRATIONS, token, "{\"dry_run\": true}").status()).isEqualTo(403);
            assertThat(api.post(MIGRATIONS, token, null).status()).isEqualTo(403);
            assertThat(api.get(MIGRATIONS, token).status()).isEqualTo(403);
            assertThat(api.get(MIGRATIONS + any + "/", token).status()).isEqualTo(403);
            for (String action : List.of("pause", "resume", "cancel")) {
                var refused = api.post(MIGRATIONS + any + "/" + action + "/", token, null);
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            assertThat(api.post("/api/admin/matrix/reprovision/", token, null).status()).isEqualTo(403);
        }
    }

    // ------------------------------------------------------------------------------------------

    private JsonNode report(String migration) {
        var response = api.get(MIGRATIONS + migration + "/", TestTokens.staff());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private JsonNode awaitFinished(String migration, String state) {
        await().atMost(FINISHING).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(report(migration).get("state").asString()).isEqualTo(state));
        return report(migration);
    }

    private JsonNode awaitNothingInProgress(String migration) {
        await().atMost(FINISHING).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(report(migration).get("progress").get("in_progress").asInt()).isZero());
        return report(migration);
    }

    private List<String> pendingRooms(String migration) {
        var pending = new ArrayList<String>();
        report(migration).get("rooms").forEach(room -> {
            if ("pending".equals(room.get("outcome").asString())) {
                pending.add(room.get("uuid").asString());
            }
        });
        return pending;
    }

    private long migrationEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where type = 'HomeserverMigration'",
                Long.class);
    }

    /** Rooms of earlier tests were reprovisioned by earlier migrations: only this migration's count. */
    private long reprovisionedSince(String room, long globalIndex) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ? and global_index > ?", Long.class, room,
                "io.roomservice.api.room.RoomReprovisioningStarted", globalIndex);
    }

    private long roomEvents(String room, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", Long.class, room, "io.roomservice.api.room." + type);
    }

    private static List<String> uuids(JsonNode rooms) {
        var uuids = new ArrayList<String>();
        rooms.forEach(room -> uuids.add(room.get("uuid").asString()));
        return uuids;
    }

    private static Map<String, JsonNode> byUuid(JsonNode rooms) {
        var byUuid = new HashMap<String, JsonNode>();
        rooms.forEach(room -> byUuid.put(room.get("uuid").asString(), room));
        return byUuid;
    }
}
