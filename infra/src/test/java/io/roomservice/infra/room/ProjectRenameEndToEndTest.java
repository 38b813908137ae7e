package io.roomservice.infra.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The host renames a project: its room's name follows, in the room list, the audit and on the homeserver. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectRenameEndToEndTest extends EndToEndTest {

    @Test
    void renaming_a_project_renames_its_room_and_its_matrix_room() {
        var customer = CustomerId.random();
        var project = registerProject("Apollo", customer);
        var roomUuid = createdRoom(project);
        awaitState(roomUuid, "active");
        String matrixRoomId = room(roomUuid).json().get("room_id").asString();

        rename(project, customer, "Artemis");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(room(roomUuid).json().get("room_name").asString()).isEqualTo("Artemis");
            assertThat(homeserver.namesOf(matrixRoomId)).containsExactly("Artemis");
        });
        var now = api.get("/api/audit/rooms/" + roomUuid + "/state", TestTokens.auditor()).json();
        assertThat(now.get("room_name").asString()).isEqualTo("Artemis");
    }

    @Test
    void the_same_name_again_renames_nothing() {
        var customer = CustomerId.random();
        var project = registerProject("Apollo", customer);
        var roomUuid = createdRoom(project);
        awaitState(roomUuid, "active");
        String matrixRoomId = room(roomUuid).json().get("room_id").asString();

        rename(project, customer, "Apollo");
        var other = createdRoom(registerProject("Marker")); // once its room exists, the rename was handled
        awaitState(other, "active");

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'io.roomservice.api.room.RoomRenamed'", Long.class, roomUuid)).isZero();
        assertThat(homeserver.namesOf(matrixRoomId)).isEmpty();
    }

    private void rename(ProjectId project, CustomerId customer, String name) {
        var response = api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + customer + "\", \"name\": \"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }
}
