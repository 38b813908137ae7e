package io.roomservice.infra.admin;

import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectionRebuildEndToEndTest extends EndToEndTest {

    @Autowired
    Projections projections;

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
        var live = snapshot();
        // damage the read model: only a replay from the event store can repair it
        jdbc.update("update rooms set name = 'tampered', state = 'ERROR' where room_id = ?::uuid", active);
        jdbc.update("delete from rooms where room_id = ?::uuid", erred);
        assertThat(snapshot()).isNotEqualTo(live);

        var rebuild = api.post("/api/admin/projections/rooms/rebuild", TestTokens.staff(), null);

        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        // the replay has visibly emptied and refilled the table when it ends equal to the live one
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(live));
        assertThat(projections.find("rooms").orElseThrow().running()).isTrue();
    }

    @Test
    void operatorsSeeEveryProcessorAndSagasCannotBeRebuilt() {
        var list = api.get("/api/admin/projections/", TestTokens.staff());
        assertThat(list.status()).isEqualTo(200);
        var names = new java.util.ArrayList<String>();
        list.json().forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("rooms", "RoomProvisioningSagaProcessor", "command-side-lookups");

        var saga = api.post("/api/admin/projections/RoomProvisioningSagaProcessor/rebuild", TestTokens.staff(), null);
        assertThat(saga.status()).isEqualTo(400);
        assertThat(api.post("/api/admin/projections/nothing/rebuild", TestTokens.staff(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/projections/", TestTokens.support()).status()).isEqualTo(403);
    }

    private List<Map<String, Object>> snapshot() {
        return jdbc.queryForList("select * from rooms order by room_id");
    }
}
