package io.roomservice.infra.axon;

import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.RoomserviceProcess;
import io.roomservice.infra.support.SynapseCalls;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.roomservice.infra.support.SynapseCalls.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two roomservice processes on one PostgreSQL, linked to the test bed's Synapse. Node A starts first
 * and so holds every processor's and saga's segments; both take commands. While Synapse is frozen, so
 * that the rooms' creation is surely under way, node A is killed with SIGKILL holding picked homeserver
 * work. Node B, which has run no processor yet, must then finish everything A left: every room answered
 * 201 becomes active with exactly one Matrix room, every granted role ends with the person joined at
 * the role's power level and its notice posted once, every processor has moved to B and caught up,
 * and no homeserver work is left behind.
 *
 * <p>The takeover is made quick, not different: a dead node's homeserver work is run again after six
 * missed scheduler heartbeats (1 s here, 10 s by default), its segments are claimed once their claims
 * are older than Axon's claim timeout (10 s, the default, here too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwoNodeKillEndToEndTest {

    private static final int PROJECTS = 6;
    private static final Duration NODE_START = Duration.ofSeconds(120);
    private static final Duration TAKEOVER = Duration.ofSeconds(90);
    private static final Map<String, String> NODE_PROPERTIES = Map.of(
            "roomservice.scheduler.heartbeat-interval", "1s",
            "axon.eventhandling.tokenstore.claim-timeout", "10s",
            // what docs/operations/multi-node.md asks of several nodes without command routing
            "roomservice.aggregate-cache.enabled", "false");

    private SynapseTestBed synapse;
    private SynapseCalls matrix;
    private JdbcTemplate jdbc;
    private RoomserviceProcess nodeA;
    private RoomserviceProcess nodeB;
    private String asToken;
    private String adminToken;

    @BeforeAll
    void twoNodesLinkedToSynapse() {
        synapse = SynapseTestBed.installed();
        matrix = new SynapseCalls(synapse);
        jdbc = testDatabase();
        // one after the other: node A, ready first, claims every segment; node B stands by
        nodeA = RoomserviceProcess.start("node-a", NODE_PROPERTIES, NODE_START);
        nodeB = RoomserviceProcess.start("node-b", NODE_PROPERTIES, NODE_START);

        // a fresh link, as SynapseLinkedTest makes one (the nodes have migrated the database by now and
        // read the link from it every few seconds)
        jdbc.update("delete from appservice_settings");
        // roomservice's Synapse admin account (synapse.*) stays, as in SynapseLinkedTest: later classes log into it
        jdbc.update("delete from secrets where name like 'appservice.%'");

        // Synapse pushes to node B, which outlives the test; nothing here depends on pushes
        var setup = nodeB.api().post("/api/admin/matrix-appservice/setup/", TestTokens.staff(), """
                {"url": "http://127.0.0.1:%d", "sender_localpart": "roomservice-bot",
                 "homeserver_url": "%s", "homeserver_domain": "%s", "user_registration_secret": "%s"}"""
                .formatted(nodeB.port(), synapse.url(), synapse.serverName(), synapse.registrationSecret()));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        asToken = setup.json().get("as_token").asString();
        try {
            synapse.useOnlyRegistration("roomservice-e2e", setup.json().get("registration_yaml").asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        synapse.start();
        adminToken = SynapseCalls.json(synapse.registerAdmin("kill-admin-" + SynapseTestBed.randomHex(4),
                "admin-" + SynapseTestBed.randomHex(8))).get("access_token").asString();
        // node A read the link before setup stored it: it reads it again within seconds
        for (var node : List.of(nodeA, nodeB)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(node.api().get("/api/admin/matrix/diagnostics/", TestTokens.staff()).body())
                            .contains("@roomservice-bot:" + synapse.serverName()));
        }
    }

    @AfterAll
    void stopEverything() {
        if (synapse != null) {
            synapse.resume();
        }
        for (var node : new RoomserviceProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private record Grant(String project, String person, String username, String role) {

        int powerLevel() {
            return "admin".equals(role) ? 50 : 0;
        }
    }

    @Test
    void a_node_killed_while_it_creates_rooms_leaves_the_other_to_finish_every_room_member_and_processor()
            throws Exception {
        List<Api> nodes = List.of(nodeA.api(), nodeB.api());
        String run = SynapseTestBed.randomHex(3);
        Map<String, String> roomOfProject = new LinkedHashMap<>();
        Map<String, String> nameOfProject = new HashMap<>();
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            String name = "Kill " + run + " project " + i;
            nameOfProject.put(registerProject(nodes.get(i % 2), name), name);
        }
        List<String> projects = List.copyOf(nameOfProject.keySet());
        for (int i = 0; i < PROJECTS; i++) {
            grants.add(person(nodes.get((i + 1) % 2), projects.get(i), "kill-" + run + "-" + i,
                    i % 2 == 0 ? "admin" : "member"));
        }

        long killedAt;
        List<String> heldByA;
        List<Grant> answeredByA = new CopyOnWriteArrayList<>();
        ExecutorService racer = Executors.newSingleThreadExecutor();
        synapse.freeze();
        try {
            ExecutorService clients = Executors.newFixedThreadPool(PROJECTS);
            try {
                Map<String, Future<Api.Response>> answers = new LinkedHashMap<>();
                for (int i = 0; i < PROJECTS; i++) {
                    Api node = nodes.get(i % 2);
                    String project = projects.get(i);
                    answers.put(project, clients.submit((Callable<Api.Response>) () -> node.post("/api/matrix/rooms/",
                            TestTokens.staff(), "{\"project\": \"" + project + "\"}")));
                }
                for (var answer : answers.entrySet()) {
                    var response = answer.getValue().get();
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    roomOfProject.put(answer.getKey(), response.json().get("uuid").asString());
                }
            } finally {
                clients.shutdownNow();
            }
            for (int i = 0; i < grants.size(); i++) {
                grant(nodes.get(i % 2), grants.get(i));
            }
            // grants keep going to node A up to its end: each it answered must take effect
            var racing = racer.submit(() -> grantThroughNodeAUntilItDies(nodes.get(0), projects, run, answeredByA));
            // node A (all saga segments) submitted the rooms' creation and its scheduler picked some:
            // those calls hang in the frozen Synapse, which may still carry them out after A is gone
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                    !createRoomWorkPickedBy("node-a").isEmpty() && answeredByA.size() >= 2);
            nodeA.kill();
            killedAt = System.nanoTime();
            heldByA = createRoomWorkPickedBy("node-a");
            assertThat(heldByA).as("room creations node A was running when it was killed").isNotEmpty();
            racing.get(30, TimeUnit.SECONDS);
            grants.addAll(answeredByA);
        } finally {
            racer.shutdownNow();
            synapse.resume();
        }

        // node B takes commands at once, while it has not yet taken over A's processors and work
        String lateName = "Kill " + run + " late project";
        String lateProject = registerProject(nodes.get(1), lateName);
        nameOfProject.put(lateProject, lateName);
        var lateRoom = nodes.get(1).post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + lateProject
                + "\"}");
        assertThat(lateRoom.status()).as(lateRoom.body()).isEqualTo(201);
        roomOfProject.put(lateProject, lateRoom.json().get("uuid").asString());
        Grant lateGrant = person(nodes.get(1), lateProject, "kill-" + run + "-late", "admin");
        grant(nodes.get(1), lateGrant);
        grants.add(lateGrant);

        Api survivor = nodes.get(1);
        await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String room : roomOfProject.values()) {
                assertThat(survivor.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json().get("state")
                        .asString()).as(room).isEqualTo("active");
            }
        });
        await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Grant grant : grants) {
                JsonNode member = member(survivor, roomOfProject.get(grant.project()), grant);
                assertThat(member).as(grant.toString()).isNotNull();
                assertThat(member.get("membership").asString()).isEqualTo("joined");
                assertThat(member.get("power_level").asInt()).isEqualTo(grant.powerLevel());
            }
            assertThat(homeserverWorkLeftFor(roomOfProject.values())).isEmpty();
            var processors = survivor.get("/api/admin/projections/", TestTokens.staff()).json();
            assertThat(processors).isNotEmpty();
            processors.forEach(p -> assertThat(p.get("caught_up").asBoolean()).as(p.toString()).isTrue());
            assertThat(jdbc.queryForObject("select count(*) from token_entry where owner = 'node-a'", Long.class))
                    .isZero();
        });
        long takeoverSeconds = Duration.ofNanos(System.nanoTime() - killedAt).toSeconds();

        for (var entry : roomOfProject.entrySet()) {
            var view = survivor.get("/api/matrix/rooms/" + entry.getValue() + "/", TestTokens.staff()).json();
            String name = nameOfProject.get(entry.getKey());
            // exactly one Matrix room of that name: a creation run again found A's room by its alias
            assertThat(matrixRoomsNamed(name)).as(name).containsExactly(view.get("room_id").asString());
            assertThat(matrix.get("/_matrix/client/v3/directory/room/" + encode(view.get("room_alias").asString()),
                    asToken).get("room_id").asString()).isEqualTo(view.get("room_id").asString());
            assertThat(eventsOf(entry.getValue(), "RoomActivated")).as(name).isEqualTo(1);
        }
        for (Grant grant : grants) {
            String matrixRoomId = survivor.get("/api/matrix/rooms/" + roomOfProject.get(grant.project()) + "/",
                    TestTokens.staff()).json().get("room_id").asString();
            JsonNode levels = matrix.get("/_matrix/client/v3/rooms/" + encode(matrixRoomId)
                    + "/state/m.room.power_levels/", asToken);
            assertThat(levels.path("users").path(matrixUserId(grant)).asInt(levels.path("users_default").asInt()))
                    .as(grant.toString()).isEqualTo(grant.powerLevel());
            assertThat(grantsStored(grant)).as(grant.toString()).isEqualTo(1);
        }
        System.out.printf("TwoNodeKillEndToEndTest: %d rooms, %d grants (%d answered by node A while it was being"
                        + " killed); node A was killed holding %d room creations; node B had finished everything %d s"
                        + " after the SIGKILL%n", roomOfProject.size(), grants.size(), answeredByA.size(),
                heldByA.size(), takeoverSeconds);
    }

    // ------------------------------------------------------------------------------------------

    private static String registerProject(Api node, String name) {
        String project = UUID.randomUUID().toString();
        var response = node.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return project;
    }

    /**
     * Registers people and grants each a role through node A, one after another, until a request gets
     * no answer (A was killed during it or before it). Those A answered with 202 are collected.
     */
    private static void grantThroughNodeAUntilItDies(Api nodeA, List<String> projects, String run,
                                                     List<Grant> answered) {
        for (int i = 0; i < 40; i++) {
            try {
                Grant grant = person(nodeA, projects.get(i % projects.size()), "kill-" + run + "-race-" + i,
                        "member");
                grant(nodeA, grant);
                answered.add(grant);
                Thread.sleep(100);
            } catch (IllegalStateException noAnswer) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A new person (registered through this node) and the role they are to get in the project. */
    private static Grant person(Api node, String project, String username, String role) {
        String person = UUID.randomUUID().toString();
        var response = node.put("/api/host/users/" + person + "/", TestTokens.host(),
                "{\"username\": \"" + username + "\", \"full_name\": \"Person " + username + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return new Grant(project, person, username, role);
    }

    private static void grant(Api node, Grant grant) {
        var response = node.put("/api/host/projects/" + grant.project() + "/roles/" + grant.person() + "/"
                + grant.role() + "/", TestTokens.host(), "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private String matrixUserId(Grant grant) {
        return "@rs-" + grant.username() + ":" + synapse.serverName();
    }

    private JsonNode member(Api node, String room, Grant grant) {
        var members = node.get("/api/matrix/rooms/" + room + "/members/", TestTokens.staff());
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        for (JsonNode member : members.json()) {
            if (matrixUserId(grant).equals(member.get("matrix_user_id").asString())) {
                return member;
            }
        }
        return null;
    }

    /** Every room on Synapse with exactly this name (the admin API searches names, aliases and ids). */
    private List<String> matrixRoomsNamed(String name) {
        List<String> ids = new ArrayList<>();
        matrix.get("/_synapse/admin/v1/rooms?limit=100&search_term=" + encode(name), adminToken).get("rooms")
                .forEach(room -> {
                    if (name.equals(room.path("name").asString(""))) {
                        ids.add(room.get("room_id").asString());
                    }
                });
        return ids;
    }

    /** The room creations this node's scheduler is running (picked_by is the node id). */
    private List<String> createRoomWorkPickedBy(String node) {
        return jdbc.queryForList("select task_instance from scheduled_tasks where task_name = 'homeserver-work'"
                + " and task_instance like 'create-room:%' and picked and picked_by = ?", String.class, node);
    }

    /** Creations and member syncs of these rooms still waiting or running (notices are counted in Synapse). */
    private List<String> homeserverWorkLeftFor(Collection<String> rooms) {
        List<String> keys = new ArrayList<>();
        rooms.forEach(room -> keys.addAll(List.of("create-room:" + room, "member-sync:" + room)));
        return jdbc.queryForList("select task_instance from scheduled_tasks where task_name = 'homeserver-work'"
                + " and task_instance = any(?)", String.class, (Object) keys.toArray(String[]::new));
    }

    /** The project's ProjectRoleGranted events naming the grant's person: one, neither lost nor doubled. */
    private long grantsStored(Grant grant) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%.ProjectRoleGranted' and convert_from(payload, 'UTF8') like ?",
                Long.class, grant.project(), "%" + grant.person() + "%");
    }

    private long eventsOf(String aggregate, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like ?", Long.class, aggregate, "%." + type);
    }

    private static JdbcTemplate testDatabase() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(System.getenv().getOrDefault("ROOMSERVICE_TEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/roomservice_test"));
        dataSource.setUser(System.getenv().getOrDefault("ROOMSERVICE_TEST_DB_USER", "roomservice"));
        dataSource.setPassword(System.getenv().getOrDefault("ROOMSERVICE_TEST_DB_PASSWORD", "roomservice"));
        return new JdbcTemplate(dataSource);
    }
}
