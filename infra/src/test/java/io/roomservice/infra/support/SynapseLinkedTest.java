package io.roomservice.infra.support;

import io.roomservice.infra.appservice.AppserviceLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * roomservice and the test bed's real Synapse, linked the way an administrator links them: the
 * registration YAML returned by the setup endpoint is the file Synapse loads. Tests talk HTTP only,
 * to roomservice and to Synapse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// One application at a time: a context left running after its class would keep processing events of
// the shared test database (with its own homeserver port) while the next class runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class SynapseLinkedTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AppserviceLink link;

    protected SynapseTestBed synapse;
    protected Api api;
    protected String asToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void linkRoomserviceAndSynapseThroughTheSetupEndpoint() throws IOException {
        synapse = SynapseTestBed.installed();
        api = new Api(port);
        jdbc.update("delete from appservice_settings");
        // roomservice's Synapse admin account (synapse.*) stays: an earlier class may have registered it on
        // this homeserver, and without its password no later class could log into it
        jdbc.update("delete from secrets where name like 'appservice.%'");
        link.refresh();

        var setup = api.post("/api/admin/matrix-appservice/setup/", TestTokens.staff(), """
                {"url": "http://127.0.0.1:%d", "sender_localpart": "roomservice-bot",
                 "homeserver_url": "%s", "homeserver_domain": "%s", "user_registration_secret": "%s"}"""
                .formatted(port, synapse.url(), synapse.serverName(), synapse.registrationSecret()));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        asToken = setup.json().get("as_token").asString();

        synapse.useOnlyRegistration("roomservice-e2e", setup.json().get("registration_yaml").asString());
        synapse.start();
    }

    protected String bot() {
        return "@roomservice-bot:" + synapse.serverName();
    }

    protected String registerProject(String name) {
        return registerProject(name, UUID.randomUUID().toString());
    }

    protected String registerProject(String name, String customer) {
        var project = UUID.randomUUID().toString();
        var response = api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + customer + "\", \"name\": \"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return project;
    }

    /** A new person in the directory, once the directory (a projection) has applied the registration. */
    protected UUID registerPerson(String username, String fullName) {
        UUID person = UUID.randomUUID();
        var response = api.put("/api/host/users/" + person + "/", TestTokens.host(),
                "{\"username\": \"" + username + "\", \"full_name\": \"" + fullName + "\"}");
        assertThat(response.status()).as(response.body()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from directory_users where user_id = ?", Integer.class, person) == 1);
        return person;
    }

    protected String createRoom(String project) {
        var response = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("uuid").asString();
    }

    protected JsonNode awaitRoom(String room, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json().get("state")
                        .asString()).isEqualTo(state));
        return api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json();
    }

    /** One Client-Server API call to the test Synapse, expected to succeed. */
    protected JsonNode matrix(String method, String path, String token, String body) {
        var response = matrixCall(method, path, token, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** One Client-Server API call to the test Synapse, whatever it answers. */
    protected HttpResponse<String> matrixCall(String method, String path, String token, String body) {
        var request = HttpRequest.newBuilder(URI.create(synapse.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
