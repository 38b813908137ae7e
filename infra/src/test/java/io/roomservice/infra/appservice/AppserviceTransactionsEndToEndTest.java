package io.roomservice.infra.appservice;

import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The homeserver's side of the appservice API, over HTTP against real PostgreSQL: tokens, bad bodies,
 * idempotency, and messages and membership changes recorded into the room's timeline.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {
        "roomservice.matrix.as-token=" + AppserviceTransactionsEndToEndTest.AS_TOKEN,
        "roomservice.matrix.hs-token=" + AppserviceTransactionsEndToEndTest.HS_TOKEN,
        "roomservice.matrix.domain=scripted.test",
        "roomservice.appservice.max-transaction-size=256KB"})
class AppserviceTransactionsEndToEndTest extends EndToEndTest {

    static final String AS_TOKEN = "as_token_of_the_transactions_test_0123456789abcdef";
    static final String HS_TOKEN = "hs_token_of_the_transactions_test_0123456789abcdef";

    private Api.Response push(String txnId, String token, String body) {
        return api.send(api.builder("/_matrix/app/v1/transactions/" + txnId, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String txn() {
        return "txn-" + UUID.randomUUID();
    }

    private static String eventId() {
        return "$" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String message(String eventId, String roomId, String sender, String body, long ts) {
        return """
                {"type": "m.room.message", "event_id": "%s", "room_id": "%s", "sender": "%s",
                 "origin_server_ts": %d, "content": {"msgtype": "m.text", "body": "%s"}}"""
                .formatted(eventId, roomId, sender, ts, body);
    }

    private static String membership(String eventId, String roomId, String member, String membership, long ts) {
        return """
                {"type": "m.room.member", "event_id": "%s", "room_id": "%s", "sender": "%s", "state_key": "%s",
                 "origin_server_ts": %d, "content": {"membership": "%s"}}"""
                .formatted(eventId, roomId, member, member, ts, membership);
    }

    private static String transaction(String... events) {
        return "{\"events\": [" + String.join(",", events) + "]}";
    }

    private int recordedTransactions(String txnId) {
        return jdbc.queryForObject("select count(*) from appservice_transactions where txn_id = ?", Integer.class,
                txnId);
    }

    private int storedTransactionEvents(String txnId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'io.roomservice.api.matrix.HomeserverTransactionReceived'
                  and convert_from(payload, 'UTF8') like ?""", Integer.class, "%\"" + txnId + "\"%");
    }

    private String matrixRoomIdOf(String roomUuid) {
        return api.get("/api/matrix/rooms/" + roomUuid + "/", TestTokens.staff()).json().get("room_id").asString();
    }

    private JsonNode timeline(String roomUuid) {
        var response = api.get("/api/audit/rooms/" + roomUuid + "/timeline", TestTokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("events");
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void a_transaction_without_a_token_is_refused_with_401() {
        var txnId = txn();
        var response = push(txnId, null, transaction());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("errcode").asString()).isEqualTo("M_MISSING_TOKEN");
        assertThat(recordedTransactions(txnId)).isZero();
    }

    @Test
    void a_transaction_with_a_wrong_token_is_refused_with_403_M_FORBIDDEN() {
        var txnId = txn();
        var response = push(txnId, AS_TOKEN, transaction());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("errcode").asString()).isEqualTo("M_FORBIDDEN");
        assertThat(response.body()).doesNotContain(HS_TOKEN).doesNotContain(AS_TOKEN);
        assertThat(recordedTransactions(txnId)).isZero();
    }

    @Test
    void a_query_string_token_that_differs_from_the_header_is_refused() {
        var txnId = txn();
        var response = push(txnId + "?access_token=not-the-token", HS_TOKEN, transaction());

        assertThat(response.status()).isEqualTo(403);
        assertThat(recordedTransactions(txnId)).isZero();
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_400_and_nothing_recorded() {
        var txnId = txn();
        var response = push(txnId, HS_TOKEN, "{\"events\": [ this is not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errcode").asString()).isEqualTo("M_NOT_JSON");
        assertThat(recordedTransactions(txnId)).isZero();
    }

    @Test
    void a_body_that_is_not_an_object_is_refused_with_400() {
        var txnId = txn();
        var response = push(txnId, HS_TOKEN, "[{\"events\": []}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errcode").asString()).isEqualTo("M_BAD_JSON");
        assertThat(recordedTransactions(txnId)).isZero();
    }

    @Test
    void events_that_are_not_a_list_are_refused_with_400() {
        var txnId = txn();
        var response = push(txnId, HS_TOKEN, "{\"events\": {\"type\": \"m.room.message\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).contains("events");
        assertThat(recordedTransactions(txnId)).isZero();
    }

    @Test
    void a_transaction_id_longer_than_its_column_is_refused_with_400_and_nothing_recorded() {
        var txnId = "t".repeat(256);
        var response = push(txnId, HS_TOKEN, transaction());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errcode").asString()).isEqualTo("M_INVALID_PARAM");
        assertThat(recordedTransactions(txnId)).isZero();
        assertThat(push("t".repeat(255), HS_TOKEN, transaction()).status()).isEqualTo(200);
    }

    @Test
    void a_huge_transaction_is_refused_with_413_and_nothing_recorded() {
        var txnId = txn();
        var huge = message(eventId(), "!huge:scripted.test", "@alice:scripted.test", "x".repeat(300 * 1024), 1L);
        var response = push(txnId, HS_TOKEN, transaction(huge));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("errcode").asString()).isEqualTo("M_TOO_LARGE");
        assertThat(recordedTransactions(txnId)).isZero();
    }

    @Test
    void events_of_unknown_types_are_ignored_and_still_answered_200() {
        var txnId = txn();
        var response = push(txnId, HS_TOKEN, transaction(
                "{\"type\": \"org.example.custom\", \"event_id\": \"" + eventId()
                        + "\", \"room_id\": \"!x:scripted.test\", \"sender\": \"@a:scripted.test\", \"content\": {}}",
                "\"not even an object\""));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(recordedTransactions(txnId)).isOne();
        assertThat(storedTransactionEvents(txnId)).isZero();
    }

    @Test
    void messages_and_membership_changes_are_recorded_into_the_rooms_timeline_in_order() {
        var room = activeRoom("Timeline");
        var matrixRoom = matrixRoomIdOf(room);
        var join = eventId();
        var hello = eventId();

        var response = push(txn(), HS_TOKEN, transaction(
                membership(join, matrixRoom, "@rs-alice:scripted.test", "join", 1_700_000_000_000L),
                message(hello, matrixRoom, "@rs-alice:scripted.test", "Hello, project!", 1_700_000_001_000L)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline(room)).hasSize(2));
        JsonNode events = timeline(room);
        assertThat(events.get(0).get("event_id").asString()).isEqualTo(join);
        assertThat(events.get(0).get("membership").asString()).isEqualTo("join");
        assertThat(events.get(0).get("state_key").asString()).isEqualTo("@rs-alice:scripted.test");
        assertThat(events.get(1).get("event_id").asString()).isEqualTo(hello);
        assertThat(events.get(1).get("body").asString()).isEqualTo("Hello, project!");
        assertThat(events.get(1).get("sender").asString()).isEqualTo("@rs-alice:scripted.test");
    }

    /**
     * Reactions, redactions and name and topic changes are recorded for the internal gateway, each text a
     * person wrote under their key, and an actor claim only from the appservice's own users; the room's
     * timeline still shows messages and membership changes only.
     */
    @Test
    void reactions_redactions_and_name_changes_are_recorded_but_the_timeline_shows_messages_only() {
        var room = activeRoom("Reactions");
        var matrixRoom = matrixRoomIdOf(room);
        var hello = eventId();
        var txnId = txn();
        var response = push(txnId, HS_TOKEN, transaction(
                message(hello, matrixRoom, "@rs-alice:scripted.test", "Hello", 1_700_000_000_000L),
                """
                {"type": "m.reaction", "event_id": "%s", "room_id": "%s", "sender": "@rs-gw-bot:scripted.test",
                 "origin_server_ts": 1700000001000, "content": {"io.roomservice.actor": "agent:sofia",
                 "m.relates_to": {"rel_type": "m.annotation", "event_id": "%s", "key": "secret-reaction-key"}}}"""
                        .formatted(eventId(), matrixRoom, hello),
                """
                {"type": "m.reaction", "event_id": "%s", "room_id": "%s", "sender": "@mallory:elsewhere.test",
                 "origin_server_ts": 1700000001500, "content": {"io.roomservice.actor": "agent:forged",
                 "m.relates_to": {"rel_type": "m.annotation", "event_id": "%s", "key": "x"}}}"""
                        .formatted(eventId(), matrixRoom, hello),
                """
                {"type": "m.room.redaction", "event_id": "%s", "room_id": "%s", "sender": "@rs-alice:scripted.test",
                 "origin_server_ts": 1700000002000, "redacts": "%s", "content": {"reason": "Spam"}}"""
                        .formatted(eventId(), matrixRoom, hello),
                """
                {"type": "m.room.name", "event_id": "%s", "room_id": "%s", "sender": "@rs-alice:scripted.test",
                 "state_key": "", "origin_server_ts": 1700000003000, "content": {"name": "Renamed"}}"""
                        .formatted(eventId(), matrixRoom),
                """
                {"type": "m.room.topic", "event_id": "%s", "room_id": "%s", "sender": "@rs-alice:scripted.test",
                 "state_key": "", "origin_server_ts": 1700000004000, "content": {"topic": "New topic"}}"""
                        .formatted(eventId(), matrixRoom)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String stored = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type = 'io.roomservice.api.matrix.HomeserverTransactionReceived'
                  and convert_from(payload, 'UTF8') like ?""", String.class, "%\"" + txnId + "\"%");
        var events = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stored).get("events");
        assertThat(events).hasSize(6);
        assertThat(events.get(1).get("type").asString()).isEqualTo("m.reaction");
        assertThat(events.get(1).get("relatesTo").asString()).isEqualTo(hello);
        assertThat(events.get(1).get("actor").asString()).as("the appservice's own user").isEqualTo("agent:sofia");
        assertThat(events.get(2).get("actor").isNull()).as("anyone else's claim is not believed").isTrue();
        assertThat(events.get(3).get("relatesTo").asString()).isEqualTo(hello);
        assertThat(events.get(4).get("roomName").asString()).isEqualTo("Renamed");
        assertThat(events.get(5).get("roomTopic").asString()).isEqualTo("New topic");
        assertThat(stored).as("a reaction's key is personal text, stored encrypted").doesNotContain("secret-reaction-key");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline(room)).hasSize(1));
        assertThat(timeline(room).get(0).get("event_id").asString()).isEqualTo(hello);
    }

    @Test
    void text_postgresql_cannot_hold_reads_back_as_sent_and_later_messages_still_arrive() {
        var room = activeRoom("NUL");
        var matrixRoom = matrixRoomIdOf(room);
        assertThat(push(txn(), HS_TOKEN, transaction(
                membership(eventId(), matrixRoom, "@rs-nul\\u0000:scripted.test", "join", 1_700_000_000_000L),
                message(eventId(), matrixRoom, "@rs-dan:scripted.test", "a\\u0000b \\uffff0 \\\\0", 1_700_000_001_000L)))
                .status()).isEqualTo(200);
        assertThat(push(txn(), HS_TOKEN, transaction(
                message(eventId(), matrixRoom, "@rs-dan:scripted.test", "later", 1_700_000_002_000L))).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline(room)).hasSize(3));
        JsonNode events = timeline(room);
        assertThat(events.get(0).get("state_key").asString()).isEqualTo("@rs-nul\u0000:scripted.test");
        assertThat(events.get(1).get("body").asString()).isEqualTo("a\u0000b \uffff0 \\0");
        assertThat(events.get(2).get("body").asString()).isEqualTo("later");
    }

    @Test
    void a_repeated_transaction_is_a_no_op_answered_200() {
        var room = activeRoom("Repeat");
        var matrixRoom = matrixRoomIdOf(room);
        var txnId = txn();
        var body = transaction(message(eventId(), matrixRoom, "@rs-bob:scripted.test", "once", 1_700_000_000_000L));

        assertThat(push(txnId, HS_TOKEN, body).status()).isEqualTo(200);
        assertThat(push(txnId, HS_TOKEN, body).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline(room)).hasSize(1));
        assertThat(recordedTransactions(txnId)).isOne();
        assertThat(storedTransactionEvents(txnId)).isOne();
    }

    @Test
    void a_transaction_id_reused_with_other_events_is_processed() {
        var room = activeRoom("Reused id");
        var matrixRoom = matrixRoomIdOf(room);
        var txnId = txn();

        assertThat(push(txnId, HS_TOKEN, transaction(
                message(eventId(), matrixRoom, "@rs-carol:scripted.test", "before restart", 1L))).status())
                .isEqualTo(200);
        // a homeserver restarted on SQLite counts transaction ids from 1 again (element-hq/synapse#14556)
        assertThat(push(txnId, HS_TOKEN, transaction(
                message(eventId(), matrixRoom, "@rs-carol:scripted.test", "after restart", 2L))).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline(room)).hasSize(2));
        assertThat(recordedTransactions(txnId)).isEqualTo(2);
    }

    @Test
    void ping_answers_200_for_the_homeserver_only() {
        var ok = api.send(api.builder("/_matrix/app/v1/ping", HS_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"transaction_id\": \"t1\"}")));
        var anonymous = api.send(api.builder("/_matrix/app/v1/ping", null)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{}");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void user_and_room_queries_know_only_what_roomservice_created() {
        var bot = api.get("/_matrix/app/v1/users/%40roomservice-bot%3Ascripted.test", HS_TOKEN);
        var stranger = api.get("/_matrix/app/v1/users/%40rs-nobody%3Ascripted.test", HS_TOKEN);
        var alias = api.get("/_matrix/app/v1/rooms/%23rs-0123%3Ascripted.test", HS_TOKEN);
        var unauthenticated = api.get("/_matrix/app/v1/rooms/%23rs-0123%3Ascripted.test", "wrong");

        assertThat(bot.status()).isEqualTo(200);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("errcode").asString()).isEqualTo("M_NOT_FOUND");
        assertThat(alias.status()).isEqualTo(404);
        assertThat(unauthenticated.status()).isEqualTo(403);
    }

    @Test
    void setup_refuses_to_rotate_tokens_the_deployment_manages() {
        var response = api.post("/api/admin/matrix-appservice/setup/", TestTokens.staff(),
                "{\"url\": \"http://127.0.0.1:8080\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("tokens-managed-by-deployment");
        var status = api.get("/api/admin/matrix-appservice/status/", TestTokens.staff()).json();
        assertThat(status.get("tokens_managed_by").asString()).isEqualTo("deployment");
    }

    @Test
    void anything_else_under_the_appservice_api_is_M_UNRECOGNIZED() {
        var unknownPath = api.get("/_matrix/app/v1/thirdparty/protocol/irc", HS_TOKEN);
        var wrongMethod = api.get("/_matrix/app/v1/transactions/123", HS_TOKEN);

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().get("errcode").asString()).isEqualTo("M_UNRECOGNIZED");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("errcode").asString()).isEqualTo("M_UNRECOGNIZED");
    }
}
