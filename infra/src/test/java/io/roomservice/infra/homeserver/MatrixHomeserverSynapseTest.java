package io.roomservice.infra.homeserver;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link MatrixHomeserver} against the real test-bed Synapse ({@code scripts/synapse/}, see
 * {@code docs/operations/synapse-testbed.md}). The suite writes its own appservice registration with
 * fresh random tokens, then runs {@code install.sh} and {@code start.sh}, which (re)starts Synapse so
 * it loads the registration. Skipped only when python3 is missing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatrixHomeserverSynapseTest {

    private static final String REGISTRATION_ID = "roomservice-infra-homeserver-test";
    private static final String BOT = "roomservice-bot";

    private static SynapseTestBed synapse;
    private static Path registrationFile;
    private static String synapseUrl;
    private static String serverName;
    private static String asToken;
    private static MatrixProperties properties;

    @BeforeAll
    static void startSynapseWithOurRegistration() throws Exception {
        synapse = SynapseTestBed.installed();
        synapseUrl = synapse.url();
        serverName = synapse.serverName();
        asToken = randomHex(32);
        String hsToken = randomHex(32);
        String domainRegex = serverName.replace(".", "\\.");
        registrationFile = synapse.useOnlyRegistration(REGISTRATION_ID, String.join("\n",
                "# Written by infra's MatrixHomeserverSynapseTest; rewritten with new tokens on every run.",
                "id: " + REGISTRATION_ID,
                "url: 'http://127.0.0.1:9'",
                "as_token: '" + asToken + "'",
                "hs_token: '" + hsToken + "'",
                "sender_localpart: " + BOT,
                "rate_limited: false",
                "namespaces:",
                "  users:",
                "    - exclusive: true",
                "      regex: '^@" + BOT + ":" + domainRegex + "$'",
                "    - exclusive: true",
                "      regex: '^@rs-.*:" + domainRegex + "$'",
                "  aliases:",
                "    - exclusive: true",
                "      regex: '^#rs-.*:" + domainRegex + "$'",
                ""));
        synapse.start();

        properties = new MatrixProperties(synapseUrl, serverName, asToken, BOT, "rs", "11",
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @AfterAll
    static void removeOurRegistration() throws IOException {
        // Synapse keeps it until its next start; Synapse itself is left running for other suites.
        if (registrationFile != null) {
            Files.deleteIfExists(registrationFile);
        }
    }

    private static MatrixClient client() {
        return new MatrixClient(properties);
    }

    private static RoomSpec spec(ProjectId project, String name) {
        return new RoomSpec(RoomId.random(), project, name);
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void creating_a_room_makes_it_exist_in_synapse_as_planned() {
        ProjectId project = ProjectId.random();
        String hex = project.value().toString().replace("-", "");
        MatrixClient client = client();
        String bot = "@" + BOT + ":" + serverName;

        ProvisionedRoom room = new MatrixHomeserver(client, properties).createRoom(spec(project, "Apollo chat"));

        String alias = "#rs-" + hex + ":" + serverName;
        assertThat(room.alias()).isEqualTo(alias);
        assertThat(room.matrixRoomId()).startsWith("!").endsWith(":" + serverName);
        assertThat(client.resolveAlias(alias)).contains(room.matrixRoomId());

        Map<String, JsonNode> state = stateByType(client.roomState(room.matrixRoomId(), null));
        assertThat(state.get("m.room.name").path("content").path("name").stringValue()).isEqualTo("Apollo chat");
        assertThat(state.get("m.room.canonical_alias").path("content").path("alias").stringValue()).isEqualTo(alias);
        assertThat(state.get("m.room.join_rules").path("content").path("join_rule").stringValue()).isEqualTo("invite");
        assertThat(state.get("m.room.history_visibility").path("content").path("history_visibility").stringValue())
                .isEqualTo("shared");

        JsonNode create = state.get("m.room.create").path("content");
        assertThat(create.path("room_version").stringValue()).isEqualTo("11");
        assertThat(create.path("m.federate").isBoolean()).isTrue();
        assertThat(create.path("m.federate").booleanValue()).isFalse();
        assertThat(state.get("m.room.create").path("sender").stringValue()).isEqualTo(bot);

        JsonNode levels = state.get("m.room.power_levels").path("content");
        assertThat(levels.path("users").path(bot).asInt()).isEqualTo(100);
        assertThat(levels.path("users").propertyNames()).containsExactly(bot);
        assertThat(levels.path("users_default").asInt()).isZero();
        assertThat(levels.path("events_default").asInt()).isZero();
        assertThat(levels.path("state_default").asInt()).isEqualTo(100);
        for (String action : List.of("invite", "kick", "ban", "redact")) {
            assertThat(levels.path(action).asInt()).as(action).isEqualTo(100);
        }
        assertThat(levels.path("events").path("m.room.power_levels").asInt()).isEqualTo(100);
        assertThat(levels.path("events").path("m.room.message").asInt()).isZero();

        assertThat(client.joinedMembers(room.matrixRoomId(), null).joined().keySet()).containsExactly(bot);
        JsonNode visibility = MatrixIdentity.appservice(new MatrixTransport(properties, List.of()))
                .get(MatrixClient.CLIENT_V3 + "/directory/list/room/" + MatrixTransport.segment(room.matrixRoomId()))
                .expect(JsonNode.class);
        assertThat(visibility.path("visibility").stringValue()).isEqualTo("private");
    }

    @Test
    void a_room_version_12_room_leaves_the_creating_bot_out_of_the_users_map() {
        // From version 12 the creator's power is implicit; Synapse refuses the creator in "users".
        MatrixProperties v12 = new MatrixProperties(synapseUrl, serverName, asToken, BOT, "rs", "12",
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
        MatrixClient client = new MatrixClient(v12);

        ProvisionedRoom room = new MatrixHomeserver(client, v12).createRoom(spec(ProjectId.random(), "Artemis"));

        Map<String, JsonNode> state = stateByType(client.roomState(room.matrixRoomId(), null));
        assertThat(state.get("m.room.create").path("content").path("room_version").stringValue()).isEqualTo("12");
        JsonNode levels = state.get("m.room.power_levels").path("content");
        assertThat(levels.path("users").propertyNames()).isEmpty();
        assertThat(levels.path("state_default").asInt()).isEqualTo(100);
        assertThat(client.resolveAlias(room.alias())).contains(room.matrixRoomId());
    }

    @Test
    void creating_the_room_of_a_project_again_returns_the_same_room() {
        ProjectId project = ProjectId.random();
        ProvisionedRoom first = new MatrixHomeserver(client(), properties).createRoom(spec(project, "Gemini"));

        // A new instance, as after a crash and restart; without a configured domain (taken from whoami).
        MatrixProperties noDomain = new MatrixProperties(synapseUrl, "", asToken, BOT, "rs", "11",
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
        ProvisionedRoom again = new MatrixHomeserver(new MatrixClient(noDomain), noDomain)
                .createRoom(spec(project, "Gemini"));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void concurrent_attempts_for_one_project_end_in_one_room() throws Exception {
        ProjectId project = ProjectId.random();
        int attempts = 4;
        CyclicBarrier start = new CyclicBarrier(attempts);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<ProvisionedRoom>> results = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    MatrixHomeserver homeserver = new MatrixHomeserver(client(), properties);
                    start.await(10, TimeUnit.SECONDS);
                    return homeserver.createRoom(spec(project, "Mercury"));
                }));
            }
            ProvisionedRoom first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<ProvisionedRoom> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(first);
            }
            assertThat(first.alias()).isNotNull();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_unreachable_homeserver_is_a_transient_failure_that_says_where() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MatrixProperties unreachable = properties.withHomeserverUrl("http://127.0.0.1:" + closedPort);

        HomeserverException failure = catchThrowableOfType(HomeserverException.class,
                () -> new MatrixHomeserver(new MatrixClient(unreachable), unreachable)
                        .createRoom(spec(ProjectId.random(), "Vostok")));

        assertThat(failure).isNotNull();
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.getMessage())
                .isEqualTo("Homeserver unreachable at http://127.0.0.1:" + closedPort + ": Connection refused")
                .doesNotContain(asToken);
    }

    @Test
    void a_token_synapse_does_not_know_is_a_permanent_failure_that_does_not_show_it() {
        String wrongToken = randomHex(32);
        MatrixProperties wrong = new MatrixProperties(synapseUrl, serverName, wrongToken, BOT, "rs", "11",
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));

        HomeserverException failure = catchThrowableOfType(HomeserverException.class,
                () -> new MatrixHomeserver(new MatrixClient(wrong), wrong).createRoom(spec(ProjectId.random(), "Soyuz")));

        assertThat(failure).isNotNull();
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).startsWith("M_UNKNOWN_TOKEN: ").doesNotContain(wrongToken);
    }

    @Test
    void acting_as_a_namespaced_user_that_is_not_registered_is_forbidden() {
        HomeserverException failure = catchThrowableOfType(HomeserverException.class,
                () -> client().whoami("@rs-" + randomHex(4) + ":" + serverName));

        assertThat(failure).isNotNull();
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).startsWith("M_FORBIDDEN: ");
    }

    @Test
    void the_bot_registers_once_and_a_second_registration_is_fine() {
        MatrixClient client = client();
        client.registerAppserviceUser(BOT);

        assertThat(client.registerAppserviceUser(BOT)).isFalse();
        assertThat(client.whoami(null).userId()).isEqualTo("@" + BOT + ":" + serverName);
    }

    // ------------------------------------------------------------------------------------------

    /** The room's state as Synapse sent it, for paths into any event's content. */
    private static Map<String, JsonNode> stateByType(List<MatrixClient.StateEvent> state) {
        Map<String, JsonNode> byType = new HashMap<>();
        for (JsonNode event : MatrixJson.MAPPER.valueToTree(state)) {
            if (event.path("state_key").stringValue("").isEmpty()) {
                byType.put(event.path("type").stringValue(), event);
            }
        }
        return byType;
    }

    private static String randomHex(int bytes) {
        return SynapseTestBed.randomHex(bytes);
    }
}
