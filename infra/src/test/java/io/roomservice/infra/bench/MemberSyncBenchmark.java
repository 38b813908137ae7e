package io.roomservice.infra.bench;

import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member sync of a large project against the local Synapse, measured by hand (scripts/benchmark.sh
 * with BENCH=members), never in the suite. Run A: roomservice syncs a new room of a project whose
 * N people all hold a role (accounts made, display names set, invites, joins, one power-level
 * change, everything recorded). Run B, the baseline in the same run: the same homeserver calls made
 * directly, one after the other, for N other people into another room. The overhead is (A - B) / B.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${ROOMSERVICE_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/roomservice_bench}",
        "logging.level.io.roomservice=WARN"})
class MemberSyncBenchmark extends SynapseLinkedTest {

    private static final int MEMBERS = Integer.getInteger("bench.members", 500);

    @Test
    void memberSyncOfALargeProjectNextToTheSameCallsMadeDirectly() {
        String customer = UUID.randomUUID().toString();
        api.put("/api/host/customers/" + customer + "/", TestTokens.host(), "{\"name\": \"Bench\"}");
        String project = registerProject("Member sync benchmark", customer);
        String run = SynapseTestBed.randomHex(3);
        for (int i = 0; i < MEMBERS; i++) {
            String user = UUID.randomUUID().toString();
            String username = "bench-" + run + "-" + i;
            assertThat(api.put("/api/host/users/" + user + "/", TestTokens.host(),
                    "{\"username\": \"" + username + "\", \"full_name\": \"Bench Person " + i + "\"}").status())
                    .isIn(200, 202);
            assertThat(api.put("/api/host/projects/" + project + "/roles/" + user + "/"
                    + (i % 10 == 0 ? "manager" : "member") + "/", TestTokens.host(), null).status()).isIn(200, 202);
        }

        // A: roomservice. The room's activation starts the sync of all N people.
        long startA = System.nanoTime();
        String room = createRoom(project);
        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        long activeAt = System.nanoTime();
        // the sync records its changes once, after its last homeserver call; watching for that in
        // PostgreSQL keeps the clock off Synapse (polling joined_members would load it during A only)
        while (membersChangedEvents(room) == 0) {
            sleep(100);
            if (System.nanoTime() - startA > Duration.ofMinutes(30).toNanos()) {
                throw new AssertionError("The sync did not finish within 30 minutes");
            }
        }
        long endA = System.nanoTime();
        assertThat(joinedMembers(matrixRoomId)).isEqualTo(MEMBERS + 1);
        double syncSeconds = (endA - activeAt) / 1e9;

        // B: the same calls, made directly with the appservice token.
        MatrixProperties p = link.current();
        MatrixClient client = new MatrixClient(p);
        ObjectNode create = JSON.createObjectNode().put("room_version", "11").put("preset", "private_chat");
        String baselineRoom = JSON.readTree(matrixCall("POST", "/_matrix/client/v3/createRoom", asToken,
                create.toString()).body()).get("room_id").asString();
        List<String> users = new ArrayList<>();
        long startB = System.nanoTime();
        for (int i = 0; i < MEMBERS; i++) {
            String localpart = "rs-direct-" + run + "-" + i;
            String userId = "@" + localpart + ":" + synapse.serverName();
            client.registerAppserviceUser(localpart);
            client.setDisplayName(userId, "Direct Person " + i);
            client.invite(baselineRoom, userId);
            client.joinAs(baselineRoom, userId);
            users.add(userId);
        }
        var levels = client.stateEvent(baselineRoom, "m.room.power_levels", "").deepCopy();
        ObjectNode levelsObject = (ObjectNode) levels;
        ObjectNode userLevels = levelsObject.putObject("users");
        userLevels.put(bot(), 100);
        for (int i = 0; i < users.size(); i += 10) {
            userLevels.put(users.get(i), 50);
        }
        client.putStateEvent(baselineRoom, "m.room.power_levels", "", levelsObject);
        double directSeconds = (System.nanoTime() - startB) / 1e9;

        System.out.println(String.format(Locale.ROOT, """

                ===== roomservice member sync benchmark =====
                people in the project:                 %d
                A  roomservice (activation to all joined): %.1f s  (%.1f people/s)
                B  same calls made directly:             %.1f s  (%.1f people/s)
                overhead of roomservice (A - B) / B:     %+.1f %%
                (A also counts room creation: %.1f s from POST to active)
                =====""", MEMBERS, syncSeconds, MEMBERS / syncSeconds, directSeconds, MEMBERS / directSeconds,
                100 * (syncSeconds - directSeconds) / directSeconds, (activeAt - startA) / 1e9));
    }

    private long membersChangedEvents(String roomUuid) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type = 'io.roomservice.api.membership.RoomMembersChanged'", Long.class, roomUuid);
    }

    private int joinedMembers(String matrixRoomId) {
        return matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/joined_members", asToken, null)
                .get("joined").size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
