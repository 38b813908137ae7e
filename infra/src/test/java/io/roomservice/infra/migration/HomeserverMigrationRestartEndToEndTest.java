package io.roomservice.infra.migration;

import io.roomservice.RoomserviceApplication;
import io.roomservice.api.project.ProjectId;
import io.roomservice.infra.appservice.AppserviceLink;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.ScriptedHomeserver;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A migration outlives the process that started it: the process stops while a room waits for the
 * homeserver (429), and the next process finishes the migration, every room reprovisioned once.
 */
class HomeserverMigrationRestartEndToEndTest {

    private static final String MIGRATIONS = "/api/admin/matrix/migrations/";

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RoomserviceApplication.class,
                EndToEndTest.ScriptedHomeserverConfiguration.class)
                .profiles("test")
                .properties("server.port=0", "roomservice.migration.concurrency=2")
                .run();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aMigrationInterruptedByARestartIsFinishedByTheNextProcessReprovisioningNoRoomTwice() {
        Map<ProjectId, String> rooms = new LinkedHashMap<>();
        String migration;
        long before;
        try (var first = start()) {
            var api = api(first);
            var jdbc = first.getBean(JdbcTemplate.class);
            var homeserver = first.getBean(ScriptedHomeserver.class);
            var link = first.getBean(AppserviceLink.class);
            link.refresh();
            if (!link.current().isConfigured()) {
                // another class may have linked another homeserver already (setup never changes it)
                assertThat(api.post("/api/admin/matrix-appservice/setup/", TestTokens.staff(), """
                        {"url": "http://127.0.0.1:8080/", "sender_localpart": "roomservice-bot",
                         "homeserver_url": "http://127.0.0.1:8008", "homeserver_domain": "roomservice.test",
                         "user_registration_secret": "the-registration-shared-secret"}""").status()).isEqualTo(200);
            }
            jdbc.queryForList("select migration_id from cmd_homeserver_migrations where unfinished is not null",
                    UUID.class).forEach(id -> api.post(MIGRATIONS + id + "/cancel/", TestTokens.staff(), null));
            for (int i = 0; i < 3; i++) {
                var project = new ProjectId(UUID.randomUUID());
                assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                        "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Restart " + i + "\"}").status())
                        .isEqualTo(202);
                var created = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                rooms.put(project, created.json().get("uuid").asString());
            }
            rooms.forEach((project, room) -> await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(state(api, room)).isEqualTo("active")));
            // the new homeserver puts each of these rooms off once, long enough for the restart
            rooms.keySet().forEach(project -> homeserver.rateLimit(project, Duration.ofSeconds(5)));
            before = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);

            var started = api.post(MIGRATIONS, TestTokens.staff(), null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            migration = started.json().get("uuid").asString();
            // stop once one of these rooms was started and put off by the homeserver
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                    rooms.keySet().stream().anyMatch(project -> homeserver.calls(project) == 2));
            assertThat(report(api, migration).get("state").asString()).isEqualTo("running");
        }

        try (var second = start()) {
            var api = api(second);
            var jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(report(api, migration).get("state").asString()).isEqualTo("completed"));
            Map<String, JsonNode> outcomes = new HashMap<>();
            report(api, migration).get("rooms").forEach(room -> outcomes.put(room.get("uuid").asString(), room));
            rooms.values().forEach(room -> {
                assertThat(outcomes.get(room).get("outcome").asString()).as(room).isEqualTo("migrated");
                assertThat(state(api, room)).isEqualTo("active");
            });
            // every planned room: started once by the migration, reprovisioned once, across both processes
            outcomes.keySet().forEach(room -> assertThat(jdbc.queryForObject(
                    "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?"
                            + " and global_index > ?", Long.class, room,
                    "io.roomservice.api.room.RoomReprovisioningStarted", before)).as(room).isOne());
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                            + " and payload_type = 'io.roomservice.api.migration.RoomMigrationStarted'", Long.class,
                    migration)).isEqualTo(outcomes.size());
        }
    }

    private static String state(Api api, String room) {
        return api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json().get("state").asString();
    }

    private static JsonNode report(Api api, String migration) {
        var response = api.get(MIGRATIONS + migration + "/", TestTokens.staff());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
