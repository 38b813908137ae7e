package io.roomservice.infra.audit;

import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RoomAuditEndToEndTest extends EndToEndTest {

    @Test
    void theStateAtAnInstantIsRebuiltFromTheEventsUpToThatInstant() {
        var roomUuid = erredRoom("Time travel", "M_LIMIT_EXCEEDED: later please");
        var events = api.get("/api/audit/rooms/" + roomUuid + "/events", TestTokens.staff()).json().get("events");
        var createdAt = Instant.parse(events.get(0).get("timestamp").asString());
        var failedAt = Instant.parse(events.get(1).get("timestamp").asString());

        var atCreation = api.get("/api/audit/rooms/" + roomUuid + "/state?at=" + createdAt, TestTokens.auditor());
        var atFailure = api.get("/api/audit/rooms/" + roomUuid + "/state?at=" + failedAt, TestTokens.auditor());
        var before = api.get("/api/audit/rooms/" + roomUuid + "/state?at=" + createdAt.minusMillis(1), TestTokens.auditor());

        assertThat(atCreation.status()).isEqualTo(200);
        assertThat(atCreation.json().get("state").asString()).isEqualTo("creating");
        assertThat(atCreation.json().get("room_name").asString()).isEqualTo("Time travel");
        assertThat(atFailure.json().get("state").asString()).isEqualTo("error");
        assertThat(atFailure.json().get("error_message").asString()).contains("M_LIMIT_EXCEEDED");
        assertThat(before.status()).isEqualTo(404);
    }

    @Test
    void theStateNowMatchesTheRoomList() {
        var roomUuid = activeRoom("Now");

        var now = api.get("/api/audit/rooms/" + roomUuid + "/state", TestTokens.staff()).json();
        var listed = room(roomUuid).json();

        assertThat(now).isEqualTo(listed);
    }

    @Test
    void anUnparseableInstantIsABadRequest() {
        var roomUuid = createdRoom(registerProject("Bad instant"));
        var response = api.get("/api/audit/rooms/" + roomUuid + "/state?at=yesterday", TestTokens.staff());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("at");
    }

    @Test
    void aRoomWithoutEventsIsNotFound() {
        var response = api.get("/api/audit/rooms/" + java.util.UUID.randomUUID() + "/events", TestTokens.staff());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAggregateThatIsNotARoomHasNoRoomAuditTrail() {
        var person = registerUser("not-a-room");
        var project = registerProject("Not a room either");

        for (Object notARoom : java.util.List.of(person, project)) {
            for (String part : java.util.List.of("events", "state", "timeline")) {
                var response = api.get("/api/audit/rooms/" + notARoom + "/" + part, TestTokens.auditor());
                assertThat(response.status()).as(part + " of " + notARoom).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void anAggregateThatIsNotAPersonHasNoPersonAuditTrail() {
        var roomUuid = createdRoom(registerProject("Not a person"));
        var customer = registerCustomer("Not a person either");

        for (Object notAPerson : java.util.List.of(roomUuid, customer)) {
            var response = api.get("/api/audit/users/" + notAPerson + "/events", TestTokens.auditor());
            assertThat(response.status()).as(notAPerson.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/audit/users/" + registerUser("a-person") + "/events", TestTokens.auditor()).status())
                .isEqualTo(200);
    }
}
