package io.roomservice.infra.support;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;
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
import org.springframework.test.annotation.DirtiesContext;
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
// One application at a time: a context left running after its class would keep processing events of
// the shared test database (with its own homeserver port) while the next class runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
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
        return registerProject(name, CustomerId.random());
    }

    /** A project of this customer (the customer itself need not be registered). */
    protected ProjectId registerProject(String name, CustomerId customer) {
        var project = new ProjectId(UUID.randomUUID());
        var response = api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + customer + "\", \"name\": \"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return project;
    }

    /** A new person in the directory, username {@code username}, full name "Full <username>", no e-mail. */
    protected UserId registerUser(String username) {
        var user = UserId.random();
        var response = putUser(user, "{\"username\": \"" + username + "\", \"full_name\": \"Full " + username + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return user;
    }

    protected Api.Response putUser(UserId user, String json) {
        return api.put("/api/host/users/" + user + "/", TestTokens.host(), json);
    }

    protected void deactivateUser(UserId user) {
        var response = api.delete("/api/host/users/" + user + "/", TestTokens.host());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    protected CustomerId registerCustomer(String name) {
        var customer = CustomerId.random();
        var response = api.put("/api/host/customers/" + customer + "/", TestTokens.host(),
                "{\"name\": \"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return customer;
    }

    /** PUT of a project role by its wire name ({@code admin}, {@code manager}, {@code member}); any answer. */
    protected Api.Response putProjectRole(Object project, Object user, String role) {
        return api.put("/api/host/projects/" + project + "/roles/" + user + "/" + role + "/", TestTokens.host(), "");
    }

    protected Api.Response deleteProjectRole(Object project, Object user, String role) {
        return api.delete("/api/host/projects/" + project + "/roles/" + user + "/" + role + "/", TestTokens.host());
    }

    protected Api.Response putCustomerRole(Object customer, Object user, String role) {
        return api.put("/api/host/customers/" + customer + "/roles/" + user + "/" + role + "/", TestTokens.host(), "");
    }

    protected Api.Response deleteCustomerRole(Object customer, Object user, String role) {
        return api.delete("/api/host/customers/" + customer + "/roles/" + user + "/" + role + "/", TestTokens.host());
    }

    /** Grants a project role and expects it recorded (202). */
    protected void grantProjectRole(ProjectId project, UserId user, String role) {
        var response = putProjectRole(project, user, role);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    protected void revokeProjectRole(ProjectId project, UserId user, String role) {
        var response = deleteProjectRole(project, user, role);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    /** Grants a customer role and expects it recorded (202). */
    protected void grantCustomerRole(CustomerId customer, UserId user, String role) {
        var response = putCustomerRole(customer, user, role);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    protected void revokeCustomerRole(CustomerId customer, UserId user, String role) {
        var response = deleteCustomerRole(customer, user, role);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    /** The answer is RFC 9457 problem+json with this status and code, and a detail for people. */
    protected static void expectProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    /** The global index of the newest stored event (-1 when none). */
    protected long lastGlobalIndex() {
        return jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
    }

    protected Api.Response createRoom(ProjectId project) {
        return api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}");
    }

    protected String createdRoom(ProjectId project) {
        var response = createRoom(project);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("uuid").asString();
    }

    /**
     * A room of a new project, once the homeserver has created it and the member sync its activation
     * started has reported (after that, nothing more is recorded on the room unless asked).
     */
    protected String activeRoom(String projectName) {
        var roomUuid = createdRoom(registerProject(projectName));
        awaitState(roomUuid, "active");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%MemberSyncFinished'", Long.class, roomUuid) >= 1);
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
