package io.roomservice.infra.work;

import io.roomservice.RoomserviceApplication;
import io.roomservice.api.project.ProjectId;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.ScriptedHomeserver;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Homeserver work outlives the process that decided it: a room whose creation the homeserver put off
 * (429) is created by the next process to start, from the work stored in {@code scheduled_tasks}.
 */
class HomeserverWorkRestartEndToEndTest {

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RoomserviceApplication.class,
                EndToEndTest.ScriptedHomeserverConfiguration.class)
                .profiles("test")
                .properties("server.port=0")
                .run();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void workThatWaitsForTheHomeserverIsDoneByTheNextProcessAfterARestart() {
        var project = new ProjectId(UUID.randomUUID());
        String room;
        try (var first = start()) {
            var homeserver = first.getBean(ScriptedHomeserver.class);
            homeserver.rateLimit(project, Duration.ofSeconds(4));
            var api = api(first);
            assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                    "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Restarted\"}").status()).isEqualTo(202);
            var created = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            room = created.json().get("uuid").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.calls(project) == 1);
            // the put-off attempt is stored for later, with the failed attempt counted
            var jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "select count(*) from scheduled_tasks where task_name = 'homeserver-work' and task_instance = ?"
                            + " and not picked", Long.class, "create-room:" + room) == 1);
        }

        try (var second = start()) {
            var api = api(second);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json().get("state")
                            .asString()).isEqualTo("active"));
            assertThat(second.getBean(ScriptedHomeserver.class).calls(project)).isEqualTo(1);
        }
    }
}
