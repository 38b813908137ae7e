package io.roomservice.infra.admin;

import io.roomservice.api.common.PersonalText;
import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserCallbackRecorded;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.GroupMembersInvited;
import io.roomservice.api.group.GroupRoomsProvisioned;
import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RoomMembersChanged;
import io.roomservice.api.profile.UserProfileCreated;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldMembershipSet;
import io.roomservice.api.world.WorldRegistered;
import io.roomservice.api.world.WorldRoomAdded;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static io.roomservice.api.deployment.DeploymentUserAction.CREATED;
import static io.roomservice.api.deployment.DeploymentUserAction.PROMOTED;
import static io.roomservice.api.deployment.DeploymentUserAction.REVOKED;
import static org.awaitility.Awaitility.await;

class ProjectionRebuildEndToEndTest extends EndToEndTest {

    @Autowired
    Projections projections;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    EventGateway events;

    @AfterEach
    void releaseHeldRuns() {
        rebuilds.beforeFinish = name -> {
        };
    }

    @Test
    void theRoomProjectionRebuiltWhileTheServiceRunsEndsIdenticalToTheLiveOne() {
        var active = createdRoom(registerProject("Rebuild active"));
        var project = registerProject("Rebuild error");
        homeserver.failPermanently(project, "M_FORBIDDEN: nope");
        var erred = createdRoom(project);
        var archived = createdRoom(registerProject("Rebuild archived"));
        awaitState(active, "active");
        awaitState(erred, "error");
        awaitState(archived, "active");
        api.post("/api/matrix/rooms/" + archived + "/disable/", TestTokens.staff(), null);
        awaitState(archived, "archived");
        await().atMost(Duration.ofSeconds(10)).until(() -> projections.caughtUp("rooms"));
        var live = snapshot("rooms");
        // damage the read model: only a replay from the event store can repair it
        jdbc.update("update rooms set name = 'tampered', state = 'ERROR' where room_id = ?::uuid", active);
        jdbc.update("delete from rooms where room_id = ?::uuid", erred);
        assertThat(snapshot("rooms")).isNotEqualTo(live);

        var rebuild = api.post("/api/admin/projections/rooms/rebuild", TestTokens.staff(), null);

        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        var switched = awaitFinished("rooms", "rebuild");
        assertThat(switched.get("state").asString()).isEqualTo("switched");
        assertThat(snapshot("rooms")).isEqualTo(live);
        assertThat(projections.find("rooms").orElseThrow().running()).isTrue();
        // the shadow is gone: its tables and its processor's tokens
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = 'rooms.next'",
                Long.class)).isZero();
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_name like '%_next'"))
                .isEmpty();
    }

    /**
     * The issue's outage: right after a rebuild started, rooms were missing from the list and commands
     * on them answered 404. Blue/green: the live table never empties; while the new version is built
     * (held here once it has caught up, so the readers certainly overlap the building and the switch)
     * every room stays readable and every command finds its room.
     */
    @Test
    void duringARebuildOfTheRoomListEveryRoomStaysVisibleAndEveryCommandFindsItsRoom() throws Exception {
        var rooms = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            rooms.add(createdRoom(registerProject("Outage " + i)));
        }
        for (var room : rooms) {
            awaitState(room, "active");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> projections.caughtUp("rooms"));
        long total = Long.parseLong(api.get("/api/matrix/rooms/?page_size=1", TestTokens.staff())
                .header("X-Result-Count"));
        var caughtUp = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        rebuilds.beforeFinish = name -> {
            if (name.equals("rooms")) {
                caughtUp.countDown();
                hold(release);
            }
        };
        var stop = new AtomicBoolean();
        var failures = Collections.synchronizedList(new ArrayList<String>());
        var requests = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(3);
        try {
            pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    var room = rooms.get(i % rooms.size());
                    var response = api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff());
                    requests.incrementAndGet();
                    if (response.status() != 200) {
                        failures.add("GET " + room + ": " + response.status() + " " + response.body());
                    }
                }
            });
            pool.submit(() -> {
                while (!stop.get()) {
                    var response = api.get("/api/matrix/rooms/?page_size=1", TestTokens.staff());
                    requests.incrementAndGet();
                    var count = response.header("X-Result-Count");
                    if (response.status() != 200 || count == null || Long.parseLong(count) < total) {
                        failures.add("list: " + response.status() + " with " + count + " of " + total + " rooms");
                    }
                }
            });
            pool.submit(() -> {
                // commands that check the room in the read model first: 409 (wrong state) is an answer, 404 is not
                for (int i = 0; !stop.get(); i++) {
                    var room = rooms.get(i % rooms.size());
                    var response = api.post("/api/matrix/rooms/" + room + "/reactivate/", TestTokens.staff(), null);
                    requests.incrementAndGet();
                    if (response.status() != 409 && response.status() != 202) {
                        failures.add("reactivate " + room + ": " + response.status() + " " + response.body());
                    }
                }
            });

            var started = api.post("/api/admin/projections/rooms/rebuild", TestTokens.staff(), null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().get("rebuilding").asBoolean()).isTrue();

            assertThat(caughtUp.await(60, TimeUnit.SECONDS)).isTrue();
            // caught up but not switched: still building, progress below 1
            var building = status("rooms");
            assertThat(building.get("replaying").asBoolean()).isTrue();
            assertThat(building.get("rebuilding").asBoolean()).isTrue();
            assertThat(building.get("progress").asDouble()).isLessThan(1.0).isGreaterThan(0.0);
            assertThat(building.get("rebuild").get("state").asString()).isEqualTo("building");
            assertThat(building.get("rebuild").get("caught_up_at").isNull()).isFalse();
            assertThat(building.get("rebuild").get("switched_at").isNull()).isTrue();
            // one run per projection: a second rebuild or a drift check now is refused
            expectProblem(api.post("/api/admin/projections/rooms/rebuild", TestTokens.staff(), null), 409,
                    "rebuild-running");
            expectProblem(api.post("/api/admin/projections/rooms/drift-check", TestTokens.staff(), null), 409,
                    "rebuild-running");
            Thread.sleep(500);
            release.countDown();

            var switched = awaitFinished("rooms", "rebuild");
            Thread.sleep(300);
            stop.set(true);
            assertThat(switched.get("state").asString()).isEqualTo("switched");
            assertThat(switched.get("progress").asDouble()).isEqualTo(1.0);
            assertThat(switched.get("switched_at").isNull()).isFalse();
            assertThat(switched.get("events_replayed").asLong()).isPositive();
            var after = status("rooms");
            assertThat(after.get("replaying").asBoolean()).isFalse();
            assertThat(after.get("rebuilding").asBoolean()).isFalse();
        } finally {
            stop.set(true);
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(requests.get()).isGreaterThan(20);
        assertThat(failures).isEmpty();
        for (var room : rooms) {
            assertThat(room(room).status()).isEqualTo(200);
        }
    }

    @Test
    void aDriftCheckReportsNothingForAnUntouchedRoomListAndEveryTamperedRow() {
        var renamed = activeRoom("Drift renamed");
        var removed = activeRoom("Drift removed");
        // live = replay to begin with (other tests may have left parked events or damage behind)
        assertThat(api.post("/api/admin/projections/rooms/rebuild", TestTokens.staff(), null).status()).isEqualTo(202);
        awaitFinished("rooms", "rebuild");

        var untouched = driftCheck("rooms");

        assertThat(untouched.get("check").get("state").asString()).isEqualTo("compared");
        assertThat(untouched.get("check").get("differences").asLong()).as(untouched.toString()).isZero();
        assertThat(untouched.get("differences")).isEmpty();

        String name = jdbc.queryForObject("select name from rooms where room_id = ?::uuid", String.class, renamed);
        jdbc.update("update rooms set name = 'x' where room_id = ?::uuid", renamed);
        jdbc.update("delete from rooms where room_id = ?::uuid", removed);
        try {
            var tampered = driftCheck("rooms");

            assertThat(tampered.get("check").get("differences").asLong()).as(tampered.toString()).isEqualTo(2);
            var differences = new ArrayList<JsonNode>();
            tampered.get("differences").forEach(differences::add);
            assertThat(differences).hasSize(2);
            var differs = differences.stream().filter(d -> d.get("kind").asString().equals("differs")).findFirst()
                    .orElseThrow();
            assertThat(differs.get("table").asString()).isEqualTo("rooms");
            assertThat(differs.get("key").get("room_id").asString()).isEqualTo(renamed);
            assertThat(differs.get("columns")).hasSize(1);
            assertThat(differs.get("columns").get(0).get("column").asString()).isEqualTo("name");
            assertThat(differs.get("columns").get(0).get("live").asString()).isEqualTo("x");
            assertThat(differs.get("columns").get(0).get("rebuilt").asString()).isEqualTo(name);
            var missing = differences.stream().filter(d -> d.get("kind").asString().equals("missing-in-live"))
                    .findFirst().orElseThrow();
            assertThat(missing.get("key").get("room_id").asString()).isEqualTo(removed);
            // a drift check changes nothing
            assertThat(jdbc.queryForObject("select name from rooms where room_id = ?::uuid", String.class, renamed))
                    .isEqualTo("x");
        } finally {
            api.post("/api/admin/projections/rooms/rebuild", TestTokens.staff(), null);
            awaitFinished("rooms", "rebuild");
        }
        assertThat(jdbc.queryForObject("select name from rooms where room_id = ?::uuid", String.class, renamed))
                .isEqualTo(name);
        assertThat(driftCheck("rooms").get("check").get("differences").asLong()).isZero();
    }

    @Test
    void theTimelineRebuildsToTheSameRowsAndADriftCheckSeesATamperedMessage() {
        String matrixRoom = "!rebuild-" + UUID.randomUUID() + ":roomservice.test";
        var first = event(matrixRoom, "first message");
        var second = event(matrixRoom, "second message");
        events.publish(new HomeserverTransactionReceived("txn-" + UUID.randomUUID(), "d1", List.of(first, second)));
        // the same Matrix event pushed again keeps its first row
        events.publish(new HomeserverTransactionReceived("txn-" + UUID.randomUUID(), "d2", List.of(second,
                event(matrixRoom, "third message"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from room_timeline where matrix_room_id = ?", Long.class, matrixRoom) == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> projections.caughtUp("timeline"));
        var live = snapshot("room_timeline");
        jdbc.update("delete from room_timeline where matrix_event_id = ?", first.eventId());

        assertThat(api.post("/api/admin/projections/timeline/rebuild", TestTokens.staff(), null).status())
                .isEqualTo(202);
        assertThat(awaitFinished("timeline", "rebuild").get("state").asString()).isEqualTo("switched");
        assertThat(snapshot("room_timeline")).isEqualTo(live);
        assertThat(driftCheck("timeline").get("check").get("differences").asLong()).isZero();

        jdbc.update("update room_timeline set body = 'tampered' where matrix_event_id = ?", second.eventId());
        try {
            var tampered = driftCheck("timeline");
            assertThat(tampered.get("check").get("differences").asLong()).isEqualTo(1);
            var difference = tampered.get("differences").get(0);
            assertThat(difference.get("key").get("matrix_event_id").asString()).isEqualTo(second.eventId());
            assertThat(difference.get("columns").get(0).get("column").asString()).isEqualTo("body");
            // what people wrote is not copied into the report
            assertThat(tampered.toString()).doesNotContain("tampered").doesNotContain("second message");
        } finally {
            api.post("/api/admin/projections/timeline/rebuild", TestTokens.staff(), null);
            awaitFinished("timeline", "rebuild");
        }
        assertThat(snapshot("room_timeline")).isEqualTo(live);
    }

    @Test
    void theProfileAndMemberReadModelsRebuildToTheSameRowsWithoutDrift() {
        // as the member sync records them (this class's rooms have no homeserver to sync with)
        var person = UserId.random();
        String matrixUserId = "@rs-rebuilt-" + UUID.randomUUID() + ":roomservice.test";
        events.publish(new UserProfileCreated(person, matrixUserId));
        events.publish(new RoomMembersChanged(RoomId.random(), List.of(
                new MemberChange(person, matrixUserId, Membership.JOINED, 50, null))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from room_members where user_id = ?::uuid", Long.class, person.toString()) == 1
                && jdbc.queryForObject("select count(*) from user_profiles where user_id = ?::uuid", Long.class,
                person.toString()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> projections.caughtUp("members")
                && projections.caughtUp("profiles"));

        for (String name : List.of("profiles", "members")) {
            String table = name.equals("profiles") ? "user_profiles" : "room_members";
            var live = snapshot(table);
            jdbc.update("delete from " + table + " where user_id = ?::uuid", person.toString());

            assertThat(api.post("/api/admin/projections/" + name + "/rebuild", TestTokens.staff(), null).status())
                    .isEqualTo(202);
            assertThat(awaitFinished(name, "rebuild").get("state").asString()).isEqualTo("switched");
            assertThat(snapshot(table)).as(table).isEqualTo(live);
            assertThat(driftCheck(name).get("check").get("differences").asLong()).as(name).isZero();
        }
    }

    @Test
    void theGroupReadModelRebuildsToTheSameRows() {
        String group = UUID.randomUUID().toString();
        String slug = "rebuilt-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/host/groups/" + group + "/", TestTokens.host(), """
                {"slug": "%s", "name": "Rebuilt", "url": "https://groups.example.org/%s/"}""".formatted(slug, slug))
                .status()).isEqualTo(202);
        String person = UUID.randomUUID().toString();
        // a Matrix id of the person's choosing: without a homeserver there is no domain for a default one
        assertThat(api.put("/api/host/group-people/" + person + "/", TestTokens.host(), "{\"slug\": \"" + slug
                + "\", \"matrix_id\": \"@" + slug + ":elsewhere.org\"}").status()).isEqualTo(202);
        assertThat(api.put("/api/host/groups/" + group + "/members/" + person + "/", TestTokens.host(), "").status())
                .isEqualTo(202);
        String matrixId = jdbc.queryForObject("select matrix_user_id from cmd_group_people where user_id = ?::uuid",
                String.class, person);
        // the rooms and the invitation as the homeserver work would report them (no homeserver here)
        events.publish(new GroupRoomsProvisioned(GroupId.of(group), "!public-" + slug + ":test",
                "!private-" + slug + ":test"));
        events.publish(new GroupMembersInvited(GroupId.of(group), List.of(
                new GroupInvitation("!public-" + slug + ":test", matrixId))));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from group_room_invitations where group_id = ?::uuid", Long.class, group) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> projections.caughtUp("group-rooms-view"));
        var live = groupRows(group);
        jdbc.update("update group_rooms set name = 'tampered', public_room_id = null where group_id = ?::uuid", group);
        jdbc.update("delete from group_room_members where group_id = ?::uuid", group);
        assertThat(groupRows(group)).isNotEqualTo(live);

        assertThat(api.post("/api/admin/projections/group-rooms-view/rebuild", TestTokens.staff(), null).status())
                .isEqualTo(202);

        assertThat(awaitFinished("group-rooms-view", "rebuild").get("state").asString()).isEqualTo("switched");
        assertThat(groupRows(group)).isEqualTo(live);
        assertThat(live.get(1)).singleElement()
                .satisfies(member -> assertThat(member).containsEntry("matrix_user_id", matrixId));
        assertThat(driftCheck("group-rooms-view").get("check").get("differences").asLong()).isZero();
    }

    @Test
    void theWorldsReadModelRebuildsToTheSameRows() {
        WorldId world = WorldId.of(UUID.randomUUID().toString());
        WorldRoomId map = WorldRoomId.of(UUID.randomUUID().toString());
        UserId person = UserId.random();
        events.publish(new WorldRegistered(world, "acme", "office-" + world.value().toString().substring(0, 8), "Office"));
        events.publish(new WorldRoomAdded(world, map, WorldRoomKind.MAP, "Lobby", "wa-lobby", List.of("staff")));
        events.publish(new WorldMembershipSet(person, world, List.of("staff", "admin"), "@person:test"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from world_members where world_id = ?", Long.class, world.value()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> projections.caughtUp("worlds"));
        var live = worldRows(world);
        jdbc.update("update world_rooms set name = 'tampered' where world_id = ?", world.value());
        jdbc.update("delete from world_members where world_id = ?", world.value());
        assertThat(worldRows(world)).isNotEqualTo(live);

        assertThat(api.post("/api/admin/projections/worlds/rebuild", TestTokens.staff(), null).status()).isEqualTo(202);

        assertThat(awaitFinished("worlds", "rebuild").get("state").asString()).isEqualTo("switched");
        assertThat(worldRows(world)).isEqualTo(live);
        assertThat(driftCheck("worlds").get("check").get("differences").asLong()).isZero();
    }

    private List<List<Map<String, Object>>> worldRows(WorldId world) {
        return List.of(jdbc.queryForList("select * from worlds where world_id = ?", world.value()),
                jdbc.queryForList("select * from world_rooms where world_id = ? order by room_id", world.value()),
                jdbc.queryForList("select * from world_members where world_id = ? order by person_id", world.value()));
    }

    /** The users' table is filled by a rebuild from every callback recorded, whatever was in it before. */
    @Test
    void theDeploymentReadModelRebuildsItsUsersFromTheCallbacks() {
        DeploymentName deployment = DeploymentName.of("rebuilt-" + UUID.randomUUID().toString().substring(0, 8));
        DeploymentUserId admin = new DeploymentUserId(UUID.randomUUID());
        DeploymentUserId revoked = new DeploymentUserId(UUID.randomUUID());
        events.publish(new DeploymentUserCallbackRecorded(admin, deployment, "Alpha", "@alpha:test", CREATED));
        events.publish(new DeploymentUserCallbackRecorded(admin, deployment, "Alpha", "@alpha:test", PROMOTED));
        events.publish(new DeploymentUserCallbackRecorded(revoked, deployment, "Bravo", "@bravo:test", CREATED));
        events.publish(new DeploymentUserCallbackRecorded(revoked, deployment, "Bravo", "@bravo:test", REVOKED));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from deployment_users where deployment = ?", Long.class, deployment.value()) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> projections.caughtUp("deployment"));
        var live = jdbc.queryForList("select * from deployment_users where deployment = ? order by matrix_user_id",
                deployment.value());
        assertThat(live).extracting(row -> row.get("matrix_user_id") + " " + row.get("account") + " " + row.get("admin"))
                .containsExactly("@alpha:test created true", "@bravo:test revoked false");
        jdbc.update("delete from deployment_users where deployment = ?", deployment.value());

        assertThat(api.post("/api/admin/projections/deployment/rebuild", TestTokens.staff(), null).status())
                .isEqualTo(202);

        assertThat(awaitFinished("deployment", "rebuild").get("state").asString()).isEqualTo("switched");
        assertThat(jdbc.queryForList("select * from deployment_users where deployment = ? order by matrix_user_id",
                deployment.value())).isEqualTo(live);
        assertThat(driftCheck("deployment").get("check").get("differences").asLong()).isZero();
    }

    /** The group's rows in the three tables of the group read model. */
    private List<List<Map<String, Object>>> groupRows(String group) {
        return List.of(jdbc.queryForList("select * from group_rooms where group_id = ?::uuid", group),
                jdbc.queryForList("select * from group_room_members where group_id = ?::uuid order by user_id", group),
                jdbc.queryForList("select * from group_room_invitations where group_id = ?::uuid "
                        + "order by room_id, matrix_user_id", group));
    }

    @Test
    void operatorsSeeEveryProcessorAndSagasCannotBeRebuilt() {
        var list = api.get("/api/admin/projections/", TestTokens.staff());
        assertThat(list.status()).isEqualTo(200);
        var names = new ArrayList<String>();
        var rebuildable = new ArrayList<String>();
        list.json().forEach(p -> {
            names.add(p.get("name").asString());
            if (p.get("rebuildable").asBoolean()) {
                rebuildable.add(p.get("name").asString());
            }
        });
        assertThat(names).contains("rooms", "RoomProvisioningSagaProcessor", "command-side-lookups");
        assertThat(rebuildable).containsExactlyInAnyOrder("rooms", "timeline", "directory", "profiles", "members",
                "group-rooms-view", "worlds", "deployment");

        expectProblem(api.post("/api/admin/projections/RoomProvisioningSagaProcessor/rebuild", TestTokens.staff(), null),
                400, "not-rebuildable");
        expectProblem(api.post("/api/admin/projections/matrix-access/drift-check", TestTokens.staff(), null),
                400, "not-rebuildable");
        expectProblem(api.post("/api/admin/projections/nothing/rebuild", TestTokens.staff(), null), 404, "not-found");
        expectProblem(api.post("/api/admin/projections/nothing/drift-check", TestTokens.staff(), null), 404,
                "not-found");
        expectProblem(api.delete("/api/admin/projections/rooms/rebuild", TestTokens.staff()), 404, "not-found");
        assertThat(api.get("/api/admin/projections/", TestTokens.support()).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/projections/rooms/drift-check", TestTokens.support(), null).status())
                .isEqualTo(403);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private List<Map<String, Object>> snapshot(String table) {
        return jdbc.queryForList("select * from " + table + " order by 1");
    }

    private JsonNode status(String name) {
        var list = api.get("/api/admin/projections/", TestTokens.staff());
        assertThat(list.status()).isEqualTo(200);
        for (var processor : list.json()) {
            if (processor.get("name").asString().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name);
    }

    /** The last run of that kind once it has finished (state switched, compared or failed). */
    private JsonNode awaitFinished(String name, String kind) {
        String field = kind.equals("rebuild") ? "rebuild" : "drift_check";
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(name).get(field), run -> run != null && !run.isNull()
                        && !run.get("running").asBoolean());
    }

    /** Starts a drift check and returns its report once compared. */
    private JsonNode driftCheck(String name) {
        var started = api.post("/api/admin/projections/" + name + "/drift-check", TestTokens.staff(), null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        var report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/admin/projections/" + name + "/drift-check", TestTokens.staff()),
                        r -> r.status() == 200 && r.json().get("check").get("id").asString().equals(id)
                                && !r.json().get("check").get("running").asBoolean());
        assertThat(report.json().get("check").get("state").asString()).as(report.body()).isEqualTo("compared");
        return report.json();
    }

    private static MatrixRoomEvent event(String matrixRoom, String body) {
        return MatrixRoomEvent.message("$" + UUID.randomUUID(), matrixRoom, "@someone:test", "m.text",
                PersonalText.of(UUID.randomUUID(), body), Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
