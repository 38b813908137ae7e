package io.roomservice.infra.personaldata;

import io.roomservice.api.matrix.ContentSubjects;
import io.roomservice.api.profile.CreateUserProfile;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the homeserver pushes is personal data of the person it belongs to: a person's own messages
 * and the bot's notices naming them are stored under their key, so that erasing them leaves their
 * name nowhere in clear: not in the event store, the read models, the audit answers or the logs.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "roomservice.matrix.as-token=as_token_of_the_erasure_test_0123456789abcdef",
        "roomservice.matrix.hs-token=" + ChatContentErasureEndToEndTest.HS_TOKEN,
        "roomservice.matrix.domain=scripted.test"})
class ChatContentErasureEndToEndTest extends EndToEndTest {

    static final String HS_TOKEN = "hs_token_of_the_erasure_test_0123456789abcdef";
    private static final String BOT = "@roomservice-bot:scripted.test";

    @Autowired
    CommandGateway commands;

    @Test
    void an_erased_persons_messages_and_the_bots_notices_about_them_are_nowhere_in_clear(CapturedOutput logs) {
        String surname = "Quellenberg" + UUID.randomUUID().toString().substring(0, 6);
        var ada = registerPerson("ada", "Ada " + surname);
        String adaMatrixId = "@rs-ada-" + ada.value().toString().substring(0, 8) + ":scripted.test";
        commands.sendAndWait(new CreateUserProfile(ada, adaMatrixId, BOT));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from user_profiles where user_id = ?", Long.class, ada.value()) == 1);
        var room = activeRoom("Erasure");
        var matrixRoom = matrixRoomIdOf(room);

        var push = push(message(matrixRoom, adaMatrixId, "I am Ada " + surname + ", hello", null),
                message(matrixRoom, BOT, "Ada " + surname + " has been granted the Project Admin role.", ada.value()),
                message(matrixRoom, "@mallory:elsewhere.test", "Mallory about Ada " + surname, ada.value()),
                message(matrixRoom, "@rs-bob:scripted.test", "Bob was here", null));
        assertThat(push.status()).as(push.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline(room)).hasSize(4));
        assertThat(bodies(room)).containsExactly("I am Ada " + surname + ", hello",
                "Ada " + surname + " has been granted the Project Admin role.", "Mallory about Ada " + surname, "Bob was here");
        assertThat(columnsHolding("Mallory about")).as("every body is encrypted in the event store")
                .containsOnly("room_timeline.body");

        var erased = api.post("/api/host/users/" + ada + "/erase/", TestTokens.host(), "");
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(bodies(room)).containsExactly(null, null, "Mallory about Ada " + surname, "Bob was here"));
        JsonNode events = timeline(room);
        assertThat(events.get(0).get("erased").asBoolean()).isTrue();
        assertThat(events.get(1).get("erased").asBoolean()).isTrue();
        assertThat(events.get(3).get("erased").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(columnsHolding("Ada " + surname))
                .as("the name is nowhere in clear but in Mallory's own words").containsOnly("room_timeline.body"));
        assertThat(columnsHolding(surname + " has been granted")).isEmpty();
        assertThat(api.get("/api/audit/users/" + ada + "/events", TestTokens.auditor()).body()).doesNotContain(surname);
        assertThat(api.get("/api/audit/rooms/" + room + "/events", TestTokens.auditor()).body()).doesNotContain(surname);
        assertThat(logs.getAll()).doesNotContain(surname);
    }

    @Test
    void a_message_of_a_matrix_user_roomservice_does_not_know_is_kept_under_that_matrix_ids_own_key() {
        var room = activeRoom("Strangers");
        var stranger = "@stranger-" + UUID.randomUUID().toString().substring(0, 6) + ":elsewhere.test";

        assertThat(push(message(matrixRoomIdOf(room), stranger, "hi", null)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline(room)).hasSize(1));
        assertThat(jdbc.queryForObject("select body_subject from room_timeline where sender = ?", UUID.class, stranger))
                .isEqualTo(ContentSubjects.ofMatrixUser(stranger));
        assertThat(jdbc.queryForObject("select count(*) from personal_data_keys where subject = ?", Long.class,
                ContentSubjects.ofMatrixUser(stranger))).isOne();
    }

    private UserId registerPerson(String username, String fullName) {
        var user = UserId.random();
        var response = putUser(user, "{\"username\": \"" + username + "-" + user.value().toString().substring(0, 8)
                + "\", \"full_name\": \"" + fullName + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return user;
    }

    private Api.Response push(String... events) {
        return api.send(api.builder("/_matrix/app/v1/transactions/txn-" + UUID.randomUUID(), HS_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"events\": [" + String.join(",", events) + "]}")));
    }

    private static long ts = 1_700_000_000_000L;

    private static String message(String roomId, String sender, String body, UUID about) {
        String aboutField = about == null ? "" : ", \"" + ContentSubjects.ABOUT + "\": \"" + about + "\"";
        return """
                {"type": "m.room.message", "event_id": "$%s", "room_id": "%s", "sender": "%s",
                 "origin_server_ts": %d, "content": {"msgtype": "m.notice", "body": "%s"%s}}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), roomId, sender, ts++, body, aboutField);
    }

    private String matrixRoomIdOf(String roomUuid) {
        return api.get("/api/matrix/rooms/" + roomUuid + "/", TestTokens.staff()).json().get("room_id").asString();
    }

    private JsonNode timeline(String roomUuid) {
        var response = api.get("/api/audit/rooms/" + roomUuid + "/timeline", TestTokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("events");
    }

    private List<String> bodies(String roomUuid) {
        List<String> bodies = new ArrayList<>();
        timeline(roomUuid).forEach(e -> bodies.add(e.get("body").isNull() ? null : e.get("body").asString()));
        return bodies;
    }

    /** Every column of every table in the database that holds the text in clear, as "table.column". */
    private List<String> columnsHolding(String text) {
        var columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema() and data_type in ('text', 'character varying', 'bytea')""");
        List<String> holding = new ArrayList<>();
        for (var column : columns) {
            String name = "\"" + column.get("column_name") + "\"";
            String from = "select count(*) from \"" + column.get("table_name") + "\" where ";
            Long rows = "bytea".equals(column.get("data_type"))
                    ? jdbc.queryForObject(from + "position(? in " + name + ") > 0", Long.class,
                            (Object) text.getBytes(StandardCharsets.UTF_8))
                    : jdbc.queryForObject(from + name + " like ?", Long.class, "%" + text + "%");
            if (rows > 0) {
                holding.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return holding;
    }
}
