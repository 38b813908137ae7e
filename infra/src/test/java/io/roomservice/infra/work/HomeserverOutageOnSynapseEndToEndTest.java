package io.roomservice.infra.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Synapse stopped and started again while homeserver work waits on it: room creation and
 * member sync are retried and finish once it is back, a sync that outlasts its attempts ends with its
 * reason recorded (and {@code sync_members} repairs it), and disabling does not wait for the homeserver
 * at all. Sixteen attempts 0.5 s doubling to 2 s: about thirty seconds from the first failure to giving
 * up, longer than Synapse takes to start again on a busy machine (twelve seconds were not, once), far
 * shorter than the defaults.
 */
@TestPropertySource(properties = {
        "roomservice.provisioning.max-attempts=16",
        "roomservice.provisioning.initial-backoff=500ms",
        "roomservice.provisioning.max-backoff=2s"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HomeserverOutageOnSynapseEndToEndTest extends SynapseLinkedTest {

    @Autowired
    private MeterRegistry meters;

    /** Every test leaves Synapse running, whatever happened. */
    @AfterEach
    void synapseRunsAgain() {
        synapse.start();
    }

    @Test
    void a_room_created_while_synapse_is_down_becomes_active_once_it_is_back() {
        double failedBefore = retries("CreateMatrixRoom");
        synapse.stop();
        String project = registerProject("Outage provisioning");
        String room = createRoom(project);
        awaitRetried("CreateMatrixRoom", failedBefore);

        synapse.start();

        JsonNode active = awaitRoom(room, "active");
        assertThat(matrix("GET", "/_matrix/client/v3/directory/room/" + encode(active.get("room_alias").asString()),
                asToken, null).get("room_id").asString()).isEqualTo(active.get("room_id").asString());
        assertThat(eventsOf(room, "RoomFailed")).isZero();
    }

    @Test
    void a_member_sync_while_synapse_is_down_joins_the_person_once_it_is_back() {
        Room room = activeRoomWithSyncedMembers("Outage member sync");
        Person ada = person("ada");
        double failedBefore = retries("SyncRoomMembers");
        synapse.stop();
        grant(room, ada, "admin");
        awaitRetried("SyncRoomMembers", failedBefore);

        synapse.start();

        awaitJoined(room, ada, 50);
        assertThat(syncFailures(room)).isZero();
    }

    @Test
    void a_member_sync_that_outlasts_its_attempts_ends_with_the_reason_and_sync_members_repairs_it() {
        Room room = activeRoomWithSyncedMembers("Outage past the attempts");
        Person bob = person("bob");
        synapse.stop();
        grant(room, bob, "member");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(syncFailureReasons(room)).anySatisfy(reason -> assertThat(reason)
                        .contains("Member sync failed after 8 attempt(s)").contains(synapse.url())));
        assertThat(awaitRoom(room.uuid(), "active").get("room_id").asString()).isEqualTo(room.matrixRoomId());
        synapse.start();
        var sync = api.post("/api/matrix/rooms/" + room.uuid() + "/sync_members/", TestTokens.staff(), null);
        assertThat(sync.status()).as(sync.body()).isEqualTo(202);

        awaitJoined(room, bob, 0);
    }

    @Test
    void disabling_while_synapse_is_down_kicks_and_archives_once_it_is_back_and_reactivating_joins_again() {
        Room room = activeRoomWithSyncedMembers("Outage disable");
        Person cyd = person("cyd");
        grant(room, cyd, "manager");
        awaitJoined(room, cyd, 50);
        double kicksBefore = retries("DeactivateMatrixRoom");
        synapse.stop();

        var disabled = api.post("/api/matrix/rooms/" + room.uuid() + "/disable/", TestTokens.staff(), null);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(202);

        // the notice and the kicks wait for the homeserver, retried on their schedule; the room stays disabling
        awaitRetried("DeactivateMatrixRoom", kicksBefore);
        assertThat(api.get("/api/matrix/rooms/" + room.uuid() + "/", TestTokens.staff()).json().get("state")
                .asString()).isEqualTo("disabling");
        synapse.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(api.get("/api/matrix/rooms/" + room.uuid() + "/", TestTokens.staff()).json()
                        .get("state").asString()).isEqualTo("archived"));
        var membership = matrix("GET", "/_matrix/client/v3/rooms/" + encode(room.matrixRoomId())
                + "/state/m.room.member/" + encode(cyd.matrixUserId()), asToken, null);
        assertThat(membership.get("membership").asString()).isEqualTo("leave");
        assertThat(memberSyncWaiting(room)).isZero();

        var reactivated = api.post("/api/matrix/rooms/" + room.uuid() + "/reactivate/", TestTokens.staff(), null);
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(202);
        awaitJoined(room, cyd, 50);
    }

    // ------------------------------------------------------------------------------------------

    private record Room(String uuid, String project, String matrixRoomId) {
    }

    private record Person(UUID uuid, String matrixUserId) {
    }

    /** An active room whose first member sync (started by its activation) has reported. */
    private Room activeRoomWithSyncedMembers(String name) {
        String project = registerProject(name);
        String room = createRoom(project);
        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                eventsOf(room, "MemberSyncFinished") >= 1);
        return new Room(room, project, matrixRoomId);
    }

    private Person person(String name) {
        String username = name + "-" + SynapseTestBed.randomHex(3);
        UUID uuid = registerPerson(username, name + " Outage");
        return new Person(uuid, "@rs-" + username + ":" + synapse.serverName());
    }

    private void grant(Room room, Person person, String role) {
        var response = api.put("/api/host/projects/" + room.project() + "/roles/" + person.uuid() + "/" + role + "/",
                TestTokens.host(), "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    /** Joined in Synapse at this power level, and listed so by roomservice. */
    private void awaitJoined(Room room, Person person, int powerLevel) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            var membership = matrix("GET", "/_matrix/client/v3/rooms/" + encode(room.matrixRoomId())
                    + "/state/m.room.member/" + encode(person.matrixUserId()), asToken, null);
            assertThat(membership.get("membership").asString()).isEqualTo("join");
            JsonNode levels = matrix("GET", "/_matrix/client/v3/rooms/" + encode(room.matrixRoomId())
                    + "/state/m.room.power_levels/", asToken, null);
            assertThat(levels.path("users").path(person.matrixUserId()).asInt(levels.path("users_default").asInt()))
                    .isEqualTo(powerLevel);
            JsonNode listed = null;
            for (JsonNode member : api.get("/api/matrix/rooms/" + room.uuid() + "/members/", TestTokens.staff()).json()) {
                if (person.matrixUserId().equals(member.get("matrix_user_id").asString())) {
                    listed = member;
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.get("membership").asString()).isEqualTo("joined");
            assertThat(listed.get("power_level").asInt()).isEqualTo(powerLevel);
        });
    }

    /** Failed attempts of this kind of work that were rescheduled, in this application so far. */
    private double retries(String kind) {
        return Optional.ofNullable(meters.find("roomservice.homeserver.work").tags("kind", kind, "outcome", "retry")
                .counter()).map(Counter::count).orElse(0.0);
    }

    /** The homeserver being down has made work of this kind fail and be rescheduled at least once more. */
    private void awaitRetried(String kind, double before) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                retries(kind) > before);
    }

    private long memberSyncWaiting(Room room) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'homeserver-work'"
                + " and task_instance = ?", Long.class, "member-sync:" + room.uuid());
    }

    private long syncFailures(Room room) {
        return syncFailureReasons(room).size();
    }

    /** The failure reasons the room's finished member syncs recorded, from the audit trail. */
    private List<String> syncFailureReasons(Room room) {
        var events = api.get("/api/audit/rooms/" + room.uuid() + "/events", TestTokens.auditor());
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        var reasons = new ArrayList<String>();
        for (JsonNode event : events.json().get("events")) {
            if (event.get("type").asString().endsWith("MemberSyncFinished")) {
                String reason = event.path("payload").path("failureReason").asString(null);
                if (reason != null) {
                    reasons.add(reason);
                }
            }
        }
        return reasons;
    }

    private long eventsOf(String room, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like ?", Long.class, room, "%." + type);
    }
}
