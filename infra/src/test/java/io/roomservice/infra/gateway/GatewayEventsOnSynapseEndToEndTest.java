package io.roomservice.infra.gateway;

import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway's callers get back of what was done, against the real Synapse: reactions,
 * redactions and name and topic changes in sync and in webhooks, mapped as the specification says; the
 * platform actor ids on events a gateway user sent; the audit API naming the service and the actor.
 *
 * <p>The delivery task's recurring look is ten minutes away here, so a webhook that arrives within the
 * test's wait was sent because its enqueueing woke the task.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {
        "roomservice.gateway.enabled=true",
        "roomservice.gateway.services.messaging.token=" + GatewayEventsOnSynapseEndToEndTest.TOKEN,
        "roomservice.gateway.webhook-poll=10m"})
class GatewayEventsOnSynapseEndToEndTest extends SynapseLinkedTest {

    static final String TOKEN = "events-messaging-token-0123456789abcdef";

    private String suffix;
    private String readerToken;

    @BeforeAll
    void aRealPersonOnTheHomeserver() {
        suffix = SynapseTestBed.randomHex(3);
        readerToken = JSON.readTree(synapse.registerUser("reader-" + suffix, "reader-password-" + suffix))
                .get("access_token").asString();
    }

    private JsonNode ok(String method, String path, String json) {
        var request = api.builder("/internal/matrix" + path, null)
                .header("Content-Type", "application/json")
                .header("X-Internal-Service-Token", TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        Api.Response answer = api.send(request);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String room(String name) {
        String roomId = ok("POST", "/create-room", """
                {"name": "%s", "preset": "public_chat"}""".formatted(name)).get("room_id").asString();
        matrix("POST", "/_matrix/client/v3/join/" + encode(roomId), readerToken, "{}");
        return roomId;
    }

    private String joinedGatewayUser(String name, String roomId) {
        String userId = ok("POST", "/register-user", "{\"username\": \"" + name + "-" + suffix + "\"}")
                .get("user_id").asString();
        ok("POST", "/join", "{\"room_id\": \"" + roomId + "\", \"user_id\": \"" + userId + "\"}");
        return userId;
    }

    /** Sync from {@code since} until the room's events include every one of {@code eventIds}. */
    private Map<String, JsonNode> synced(String since, String roomId, List<String> eventIds) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        String position = since;
        for (int call = 0; call < 20 && !seen.keySet().containsAll(eventIds); call++) {
            var body = ok("GET", "/sync?timeout=5000&since=" + encode(position), null);
            position = body.get("next_batch").asString();
            var room = body.get("rooms").get("join").get(roomId);
            if (room != null) {
                room.get("timeline").get("events").forEach(e -> seen.put(e.get("event_id").asString(), e));
            }
        }
        assertThat(seen.keySet()).containsAll(eventIds);
        return seen;
    }

    @Test
    void reactions_redactions_and_name_and_topic_changes_reach_sync_and_webhooks_with_the_actor_ids()
            throws Exception {
        try (var receiver = new WebhookReceiver(0)) {
            String roomId = room("Mapped");
            String sofia = joinedGatewayUser("sofia", roomId);
            ok("POST", "/webhook/subscribe", """
                    {"room_id": "%s", "webhook_url": "%s", "secret": "mapped-secret",
                     "events": ["m.room.message", "m.reaction", "m.room.redaction", "m.room.name", "m.room.topic"]}"""
                    .formatted(roomId, receiver.url()));
            String since = ok("GET", "/sync?timeout=0", null).get("next_batch").asString();

            String message = ok("POST", "/send", """
                    {"room_id": "%s", "sender": "agent:sofia", "sender_matrix_id": "%s", "msgtype": "m.text",
                     "body": "to be reacted to"}""".formatted(roomId, sofia)).get("event_id").asString();
            String reaction = ok("POST", "/send-reaction", """
                    {"room_id": "%s", "event_id": "%s", "reactor": "agent:sofia", "reactor_matrix_id": "%s",
                     "emoji": "👍"}""".formatted(roomId, message, sofia)).get("event_id").asString();
            String redaction = ok("POST", "/redact", """
                    {"room_id": "%s", "event_id": "%s", "reason": "Spam", "redactor": "user:moderator",
                     "redactor_matrix_id": "%s"}""".formatted(roomId, message, sofia)).get("event_id").asString();
            String renamed = ok("PUT", "/rooms/" + encode(roomId) + "/name", "{\"name\": \"Renamed\"}")
                    .get("event_id").asString();
            assertThat(ok("GET", "/rooms/" + encode(roomId), null).get("name").asString()).isEqualTo("Renamed");
            // a topic changed outside the gateway: the bot, through the appservice token, straight on Synapse
            String topic = matrix("PUT", "/_matrix/client/v3/rooms/" + encode(roomId) + "/state/m.room.topic/",
                    asToken, "{\"topic\": \"New topic\"}").get("event_id").asString();
            List<String> ids = List.of(message, reaction, redaction, renamed, topic);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(ok("GET", "/rooms/" + encode(roomId), null).get("topic").asString())
                            .as("the pushed topic change ended the cached details").isEqualTo("New topic"));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.accepted().size() >= ids.size());
            List<JsonNode> delivered = new ArrayList<>();
            for (var delivery : receiver.accepted()) {
                assertThat(delivery.signature()).isEqualTo("sha256=" + WebhookSender.sign("mapped-secret",
                        delivery.body().getBytes(StandardCharsets.UTF_8)));
                delivered.add(JSON.readTree(delivery.body()).get("event"));
            }
            assertThat(delivered).extracting(e -> e.get("event_id").asString()).containsExactlyElementsOf(ids);
            assertThat(delivered).extracting(e -> e.get("event_type").asString()).containsExactly(
                    "messaging.message.created", "messaging.reaction.added", "messaging.message.deleted",
                    "messaging.channel.updated", "messaging.channel.updated");
            assertMapped(delivered.get(0), delivered.get(1), delivered.get(2), delivered.get(3), delivered.get(4),
                    sofia);

            Map<String, JsonNode> synced = synced(since, roomId, ids);
            assertMapped(synced.get(message), synced.get(reaction), synced.get(redaction), synced.get(renamed),
                    synced.get(topic), sofia);
        }
    }

    @Test
    void a_reply_with_html_and_a_photo_reach_sync_and_webhooks_with_their_relation_formatting_and_content_uri()
            throws Exception {
        try (var receiver = new WebhookReceiver(0)) {
            String roomId = room("Formatted");
            String sofia = joinedGatewayUser("sofia-html", roomId);
            ok("POST", "/webhook/subscribe", """
                    {"room_id": "%s", "webhook_url": "%s", "secret": "formatted-secret",
                     "events": ["m.room.message"]}""".formatted(roomId, receiver.url()));
            String since = ok("GET", "/sync?timeout=0", null).get("next_batch").asString();

            String question = ok("POST", "/send", """
                    {"room_id": "%s", "sender": "agent:sofia", "sender_matrix_id": "%s", "msgtype": "m.text",
                     "body": "Is it **done**?", "format": "org.matrix.custom.html",
                     "formatted_body": "<p>Is it <strong>done</strong>?</p>"}""".formatted(roomId, sofia))
                    .get("event_id").asString();
            String reply = ok("POST", "/send", """
                    {"room_id": "%s", "sender": "user:alice", "sender_matrix_id": "%s", "msgtype": "m.text",
                     "body": "Yes", "relates_to": {"m.in_reply_to": {"event_id": "%s"}}}"""
                    .formatted(roomId, sofia, question)).get("event_id").asString();
            String photo = ok("POST", "/send", """
                    {"room_id": "%s", "sender": "agent:sofia", "sender_matrix_id": "%s", "msgtype": "m.image",
                     "body": "plan.png", "url": "mxc://%s/plan-%s"}""".formatted(roomId, sofia, synapse.serverName(),
                    suffix)).get("event_id").asString();
            List<String> ids = List.of(question, reply, photo);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.accepted().size() >= ids.size());
            List<JsonNode> delivered = new ArrayList<>();
            for (var delivery : receiver.accepted()) {
                delivered.add(JSON.readTree(delivery.body()).get("event"));
            }
            assertThat(delivered).extracting(e -> e.get("event_id").asString()).containsExactlyElementsOf(ids);
            assertThat(delivered.get(2).get("event_type").asString()).isEqualTo("messaging.media.uploaded");
            assertFormatted(delivered.get(0), delivered.get(1), delivered.get(2), question);
            Map<String, JsonNode> synced = synced(since, roomId, ids);
            assertFormatted(synced.get(question), synced.get(reply), synced.get(photo), question);
        }
    }

    private void assertFormatted(JsonNode question, JsonNode reply, JsonNode photo, String questionId) {
        assertThat(question.get("content").get("format").asString()).isEqualTo("org.matrix.custom.html");
        assertThat(question.get("content").get("formatted_body").asString())
                .isEqualTo("<p>Is it <strong>done</strong>?</p>");
        assertThat(question.get("content").has("m.relates_to")).isFalse();
        assertThat(reply.get("sender").asString()).isEqualTo("user:alice");
        assertThat(reply.get("content").get("m.relates_to").get("m.in_reply_to").get("event_id").asString())
                .isEqualTo(questionId);
        assertThat(reply.get("content").has("formatted_body")).isFalse();
        assertThat(photo.get("content").get("url").asString())
                .isEqualTo("mxc://" + synapse.serverName() + "/plan-" + suffix);
    }

    private void assertMapped(JsonNode message, JsonNode reaction, JsonNode redaction, JsonNode renamed,
                              JsonNode topic, String sofia) {
        assertThat(message.get("sender").asString()).as("the actor the service named").isEqualTo("agent:sofia");
        assertThat(message.get("sender_matrix_id").asString()).isEqualTo(sofia);
        assertThat(message.get("content").get("body").asString()).isEqualTo("to be reacted to");

        assertThat(reaction.get("type").asString()).isEqualTo("m.reaction");
        assertThat(reaction.get("sender").asString()).isEqualTo("agent:sofia");
        assertThat(reaction.get("reactor").asString()).isEqualTo("agent:sofia");
        assertThat(reaction.get("reactor_matrix_id").asString()).isEqualTo(sofia);
        var relation = reaction.get("content").get("m.relates_to");
        assertThat(relation.get("rel_type").asString()).isEqualTo("m.annotation");
        assertThat(relation.get("event_id").asString()).isEqualTo(message.get("event_id").asString());
        assertThat(relation.get("key").asString()).isEqualTo("👍");

        assertThat(redaction.get("type").asString()).isEqualTo("m.room.redaction");
        assertThat(redaction.get("sender").asString()).isEqualTo("user:moderator");
        assertThat(redaction.get("redacts").asString()).isEqualTo(message.get("event_id").asString());
        assertThat(redaction.get("content").get("reason").asString()).isEqualTo("Spam");

        assertThat(renamed.get("type").asString()).isEqualTo("m.room.name");
        assertThat(renamed.get("sender").asString()).as("the bot acted for no one").isEqualTo(bot());
        assertThat(renamed.get("content").get("name").asString()).isEqualTo("Renamed");
        assertThat(topic.get("type").asString()).isEqualTo("m.room.topic");
        assertThat(topic.get("content").get("topic").asString()).isEqualTo("New topic");
    }

    @Test
    void the_audit_api_shows_which_service_acted_as_whom_and_no_secret() {
        String roomId = room("Audited");
        var registered = ok("POST", "/register-user", """
                {"username": "audited-%s", "password": "audited-password-%s"}""".formatted(suffix, suffix));
        String audited = registered.get("user_id").asString();
        ok("POST", "/join", "{\"room_id\": \"" + roomId + "\", \"user_id\": \"" + audited + "\"}");
        String sent = ok("POST", "/send", """
                {"room_id": "%s", "sender": "user:alice", "sender_matrix_id": "%s", "msgtype": "m.text",
                 "body": "audited"}""".formatted(roomId, audited)).get("event_id").asString();

        var answer = api.get("/api/audit/gateway/users/" + encode(audited) + "/events/", TestTokens.auditor());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("matrix_user_id").asString()).isEqualTo(audited);
        JsonNode sending = null;
        for (var event : answer.json().get("events")) {
            assertThat(event.get("type").asString()).isEqualTo("GatewayActionRecorded");
            assertThat(event.get("actor").asString()).isEqualTo("service:messaging");
            assertThat(event.get("payload").get("service").asString()).isEqualTo("messaging");
            if ("MESSAGE_SENT".equals(event.get("payload").get("action").asString())) {
                sending = event.get("payload");
            }
        }
        assertThat(answer.json().get("events")).extracting(e -> e.get("payload").get("action").asString())
                .containsExactly("USER_REGISTERED", "ROOM_JOINED", "MESSAGE_SENT");
        assertThat(sending).isNotNull();
        assertThat(sending.get("actor").asString()).as("whom the service acted for").isEqualTo("user:alice");
        assertThat(sending.get("eventId").asString()).isEqualTo(sent);
        assertThat(sending.get("roomId").asString()).isEqualTo(roomId);

        String accessToken = registered.get("access_token").asString();
        assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain(accessToken)
                .doesNotContain("audited-password-" + suffix);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') "
                        + "like ? or convert_from(payload, 'UTF8') like ? or convert_from(meta_data, 'UTF8') like ?",
                Integer.class, "%" + accessToken + "%", "%" + TOKEN + "%", "%" + TOKEN + "%"))
                .as("no token in any recorded event").isZero();

        assertThat(api.get("/api/audit/gateway/users/" + encode(audited) + "/events/", TestTokens.support()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/audit/gateway/users/" + encode("@nobody:" + synapse.serverName()) + "/events/",
                TestTokens.auditor()).status()).isEqualTo(404);
    }
}
