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
        var apollo = new ActiveProject("Apollo");

        apollo.rename("Artemis");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(room(apollo.roomUuid).json().get("room_name").asString()).isEqualTo("Artemis");
            assertThat(homeserver.namesOf(apollo.matrixRoomId)).containsExactly("Artemis");
        });
        var now = api.get("/api/audit/rooms/" + apollo.roomUuid + "/state", TestTokens.auditor()).json();
        assertThat(now.get("room_name").asString()).isEqualTo("Artemis");
    }

    @Test
    void the_same_name_again_renames_nothing() {
        var apollo = new ActiveProject("Apollo");

        apollo.rename("Apollo");
        // events are handled in order: had the repeat renamed anything, it would show before this rename
        apollo.rename("Artemis");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(homeserver.namesOf(apollo.matrixRoomId)).containsExactly("Artemis"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'io.roomservice.api.room.RoomRenamed'", Long.class, apollo.roomUuid)).isOne();
    }

    /** A project of the host whose room is active. */
    private final class ActiveProject {

        final CustomerId customer = CustomerId.random();
        final ProjectId project;
        final String roomUuid;
        final String matrixRoomId;

        ActiveProject(String name) {
            project = registerProject(name, customer);
            roomUuid = createdRoom(project);
            awaitState(roomUuid, "active");
            matrixRoomId = room(roomUuid).json().get("room_id").asString();
        }

        void rename(String name) {
            var response = api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                    "{\"customer\": \"" + customer + "\", \"name\": \"" + name + "\"}");
            assertThat(response.status()).as(response.body()).isEqualTo(202);
        }
    }
}
