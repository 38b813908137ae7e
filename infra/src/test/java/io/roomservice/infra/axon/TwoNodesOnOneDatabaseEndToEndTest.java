package io.roomservice.infra.axon;

import io.roomservice.RoomserviceApplication;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL, each keeping rooms and projects in its aggregate cache, write the same
 * project at once: a command that loses the optimistic-locking race to the other node is retried on a
 * freshly loaded aggregate, so every request is answered 202 and every write is stored. A room created
 * through the node that does not run the room list is answered as soon as the list holds it. A node's
 * cached copy that missed the other node's write is noticed before it decides.
 */
@TestPropertySource(properties = "roomservice.aggregate-cache.enabled=true")
class TwoNodesOnOneDatabaseEndToEndTest extends EndToEndTest {

    private static final int GRANTS = 60;

    @Test
    void concurrentRoleGrantsOnOneProjectThroughBothNodesAreAllAcceptedAndStored() throws Exception {
        var project = registerProject("Two nodes");
        List<UserId> users = IntStream.range(0, GRANTS).mapToObj(i -> registerUser("two-nodes-" + i)).toList();

        try (ConfigurableApplicationContext secondNode = secondNode()) {
            var nodes = List.of(api, new Api(secondNode.getEnvironment().getRequiredProperty("local.server.port",
                    Integer.class)));
            // each node caches the project first, so the other node's grants leave its copy behind
            grantProjectRole(project, registerUser("first-on-one"), "member");
            assertThat(nodes.get(1).put("/api/host/projects/" + project + "/roles/" + registerUser("first-on-two")
                    + "/member/", TestTokens.host(), "").status()).isEqualTo(202);

            ExecutorService clients = Executors.newFixedThreadPool(12);
            try {
                List<Future<Api.Response>> answers = new ArrayList<>();
                for (int i = 0; i < GRANTS; i++) {
                    Api node = nodes.get(i % 2);
                    UserId user = users.get(i);
                    answers.add(clients.submit(() -> node.put("/api/host/projects/" + project + "/roles/" + user
                            + "/member/", TestTokens.host(), "")));
                }
                for (var answer : answers) {
                    var response = answer.get();
                    assertThat(response.status()).as(response.body()).isEqualTo(202);
                }
            } finally {
                clients.shutdownNow();
            }

            // the room list's segments are this node's: the second hears of no update, and reads instead
            long asked = System.nanoTime();
            var created = nodes.get(1).post("/api/matrix/rooms/", TestTokens.staff(),
                    "{\"project\": \"" + project + "\"}");
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("room_name").asString()).isEqualTo("Two nodes");
            assertThat(answeredIn).as("answered once the read model had the room, not after the 5 s wait")
                    .isLessThan(Duration.ofSeconds(4));
        }

        assertThat(roleEvents(project.toString(), "ProjectRoleGranted")).isEqualTo(GRANTS + 2);
    }

    @Test
    void aGrantThroughANodeWhoseCachedCopyMissedTheOtherNodesRevocationIsStored() {
        var project = registerProject("Stale copy");
        UserId user = registerUser("stale-copy");
        String role = "/api/host/projects/" + project + "/roles/" + user + "/member/";

        try (ConfigurableApplicationContext secondNode = secondNode()) {
            var second = new Api(secondNode.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            // this node caches the project with the role granted; the second node takes it away
            assertThat(api.put(role, TestTokens.host(), "").status()).isEqualTo(202);
            assertThat(second.delete(role, TestTokens.host()).status()).isEqualTo(202);

            // judged on the cached copy the role is still there and the grant would change nothing
            assertThat(api.put(role, TestTokens.host(), "").status()).isEqualTo(202);
        }

        assertThat(roleEvents(project.toString(), "ProjectRoleGranted")).isEqualTo(2);
        assertThat(roleEvents(project.toString(), "ProjectRoleRevoked")).isEqualTo(1);
    }

    // its own node id in token claims: in one JVM both nodes would otherwise be "<pid>@<host>"
    private static ConfigurableApplicationContext secondNode() {
        return new SpringApplicationBuilder(RoomserviceApplication.class, ScriptedHomeserverConfiguration.class)
                .profiles("test")
                .properties("server.port=0", "roomservice.aggregate-cache.enabled=true",
                        "roomservice.node.id=second-node")
                .run();
    }

    private long roleEvents(String project, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Long.class, project, "%." + type);
    }
}
