package io.roomservice.infra.embedded;

import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import io.roomservice.api.directory.FindProjectPeople;
import io.roomservice.api.directory.ProjectPeople;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default: the same application, migrations and schema validation on H2 (in memory
 * here, a file in ./data for scripts/run.sh), and a room goes through creation to active.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.datasource.username=sa", "spring.datasource.password="})
@Import(EndToEndTest.ScriptedHomeserverConfiguration.class)
class EmbeddedDatabaseTest {

    @LocalServerPort
    int port;

    @Autowired
    QueryGateway queries;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theServiceRunsOnTheEmbeddedDatabaseWithTheSameMigrations() {
        var api = new Api(port);
        var project = UUID.randomUUID();
        assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Embedded\"}").status()).isEqualTo(202);

        var created = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var uuid = created.json().get("uuid").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/matrix/rooms/" + uuid + "/", TestTokens.staff()).json().get("state").asString())
                .isEqualTo("active"));
        var types = new ArrayList<String>();
        api.get("/api/audit/rooms/" + uuid + "/events", TestTokens.staff()).json().get("events")
                .forEach(e -> types.add(e.get("type").asString()));
        // the member sync the activation started reports on its own time
        assertThat(types.stream().filter(t -> !t.equals("MemberSyncFinished")))
                .containsExactly("RoomCreationRequested", "RoomActivated");
    }

    /** H2 has no data-modifying CTE: the room's claim on its project is a look-up and an insert there. */
    @Test
    void ofRacingRequestsForOneProjectExactlyOneCreatesItsRoomOnTheEmbeddedDatabaseToo() throws Exception {
        var api = new Api(port);
        var project = UUID.randomUUID();
        assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Embedded race\"}").status()).isEqualTo(202);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var attempts = new ArrayList<Callable<Api.Response>>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}"));
            }
            var responses = new ArrayList<Api.Response>();
            for (Future<Api.Response> f : pool.invokeAll(attempts)) {
                responses.add(f.get());
            }
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.body()).contains("project-already-has-room");
            });
        } finally {
            pool.shutdownNow();
        }
        var second = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(400);
        assertThat(second.body()).contains("project-already-has-room");
    }

    @Test
    void theDirectoryWorksOnTheEmbeddedDatabaseToo() {
        var api = new Api(port);
        var project = UUID.randomUUID();
        var user = UUID.randomUUID();
        assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Embedded directory\"}").status())
                .isEqualTo(202);
        assertThat(api.put("/api/host/users/" + user + "/", TestTokens.host(),
                "{\"username\": \"embedded\", \"full_name\": \"Em Bedded\"}").status()).isEqualTo(202);
        assertThat(api.put("/api/host/projects/" + project + "/roles/" + user + "/admin/", TestTokens.host(), "")
                .status()).isEqualTo(202);

        var people = await().atMost(Duration.ofSeconds(20)).until(
                () -> queries.query(new FindProjectPeople(ProjectId.of(project.toString())),
                        ResponseTypes.instanceOf(ProjectPeople.class)).join(),
                found -> found != null && !found.people().isEmpty());

        assertThat(people.people()).singleElement().satisfies(person -> {
            assertThat(person.fullName()).isEqualTo("Em Bedded");
            assertThat(person.projectRoles()).containsExactly(ProjectRole.ADMIN);
        });
        assertThat(people.position()).isPositive();
    }

    /**
     * Blue/green on H2: the shadow table is made without PostgreSQL's {@code like ... including all},
     * and the switch copies rows in one transaction; a tampered row is repaired and reported.
     */
    @Test
    void aRoomListIsRebuiltBlueGreenAndCheckedForDriftOnTheEmbeddedDatabaseToo() {
        var api = new Api(port);
        var project = UUID.randomUUID();
        assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Embedded rebuild\"}").status()).isEqualTo(202);
        var uuid = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}")
                .json().get("uuid").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/matrix/rooms/" + uuid + "/", TestTokens.staff()).json().get("state").asString())
                .isEqualTo("active"));
        jdbc.update("update rooms set name = 'x' where room_id = ?", UUID.fromString(uuid));

        var check = api.post("/api/admin/projections/rooms/drift-check", TestTokens.staff(), null);
        assertThat(check.status()).as(check.body()).isEqualTo(202);
        var report = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/admin/projections/rooms/drift-check", TestTokens.staff()).json(),
                        r -> !r.get("check").get("running").asBoolean());
        assertThat(report.get("check").get("state").asString()).as(report.toString()).isEqualTo("compared");
        assertThat(report.get("check").get("differences").asLong()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("differences").get(0).get("key").get("room_id").asString()).isEqualTo(uuid);

        var rebuild = api.post("/api/admin/projections/rooms/rebuild", TestTokens.staff(), null);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(api.get("/api/matrix/rooms/" + uuid + "/", TestTokens.staff()).json().get("room_name").asString())
                        .isEqualTo("Embedded rebuild"));
    }
}
