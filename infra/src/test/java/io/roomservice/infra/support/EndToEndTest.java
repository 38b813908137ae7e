package io.roomservice.infra.support;

import io.roomservice.api.project.ProjectId;
import io.roomservice.sagas.homeserver.Homeserver;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a random port against the real PostgreSQL of scripts/postgres.sh, with an
 * in-process homeserver whose outcomes each test scripts. Tests talk HTTP only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EndToEndTest.ScriptedHomeserverConfiguration.class)
public abstract class EndToEndTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ScriptedHomeserver homeserver;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected ProjectId registerProject(String name) {
        var project = new ProjectId(UUID.randomUUID());
        var response = api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return project;
    }

    protected Api.Response createRoom(ProjectId project) {
        return api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}");
    }

    protected String createdRoom(ProjectId project) {
        var response = createRoom(project);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("uuid").asString();
    }

    /** A room of a new project, once the homeserver has created it. */
    protected String activeRoom(String projectName) {
        var roomUuid = createdRoom(registerProject(projectName));
        awaitState(roomUuid, "active");
        return roomUuid;
    }

    /** A room of a new project whose creation the homeserver refused for good with this error. */
    protected String erredRoom(String projectName, String homeserverError) {
        var project = registerProject(projectName);
        homeserver.failPermanently(project, homeserverError);
        var roomUuid = createdRoom(project);
        awaitState(roomUuid, "error");
        return roomUuid;
    }

    protected Api.Response room(String roomUuid) {
        return api.get("/api/matrix/rooms/" + roomUuid + "/", TestTokens.staff());
    }

    protected void awaitState(String roomUuid, String state) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var room = room(roomUuid);
            assertThat(room.status()).as(room.body()).isEqualTo(200);
            assertThat(room.json().get("state").asString()).isEqualTo(state);
        });
    }

    /** Events stored for one aggregate (a room or a project). */
    protected long eventsOf(Object aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                aggregateId.toString());
    }

    /** Events whose payload mentions the id anywhere (e.g. every room event naming a project). */
    protected long eventsMentioning(Object id) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Long.class, "%" + id + "%");
    }

    /** Replaces the homeserver port with a {@link ScriptedHomeserver}; also used by tests on other databases. */
    @TestConfiguration
    public static class ScriptedHomeserverConfiguration {

        @Bean
        @Primary
        ScriptedHomeserver scriptedHomeserver() {
            return new ScriptedHomeserver();
        }
    }
}
