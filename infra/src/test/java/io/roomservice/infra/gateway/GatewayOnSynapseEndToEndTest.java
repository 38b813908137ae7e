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

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the internal gateway against the real Synapse, each effect read back from Synapse
 * with a real user's token (a person outside roomservice's namespace who joined the room), and the
 * contract's refusals: the service token, bad JSON, unknown rooms, identities outside the gateway's
 * namespace, and the rate limit, each as the specification's envelope.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {
        "roomservice.gateway.enabled=true",
        "roomservice.gateway.services.messaging.token=" + GatewayOnSynapseEndToEndTest.TOKEN,
        "roomservice.gateway.services.flooder.token=flooder-token-0123456789",
        "roomservice.gateway.services.flooder.requests-per-second=2",
        "roomservice.gateway.services.billing.token=billing-token-0123456789",
        // retries in a fraction of a second, so parking is reached within the test
        "roomservice.gateway.webhook-backoff=200ms"})
class GatewayOnSynapseEndToEndTest extends SynapseLinkedTest {

    static final String TOKEN = "messaging-token-0123456789abcdef";
    private final HttpClient http = HttpClient.newHttpClient();

    private String suffix;
    private String readerToken;
    private String reader;

    @BeforeAll
    void aRealPersonOnTheHomeserverToReadEverythingBack() {
        suffix = SynapseTestBed.randomHex(3);
        reader = "@reader-" + suffix + ":" + synapse.serverName();
        readerToken = JSON.readTree(synapse.registerUser("reader-" + suffix, "reader-password-" + suffix))
                .get("access_token").asString();
    }

    private Api.Response call(String method, String path, String token, String json) {
        var request = api.builder("/internal/matrix" + path, null)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Internal-Service-Token", token);
        }
        return api.send(request);
    }

    private JsonNode ok(String method, String path, String json) {
        var answer = call(method, path, TOKEN, json);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void assertEnvelope(Api.Response answer, int status, String error) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("error").asString()).isEqualTo(error);
        assertThat(answer.json().get("message").asString()).isNotBlank();
    }

    private String registerGatewayUser(String name) {
        return ok("POST", "/register-user", "{\"username\": \"" + name + "-" + suffix + "\"}").get("user_id")
                .asString();
    }

    private String publicRoom(String name) {
        String roomId = ok("POST", "/create-room", """
                {"name": "%s", "topic": "Main channel", "preset": "public_chat", "room_alias_name": "%s-%s",
                 "initial_state": [{"type": "m.room.guest_access", "state_key": "", "content": {"guest_access": "can_join"}}]}
                """.formatted(name, name.toLowerCase(), suffix)).get("room_id").asString();
        matrix("POST", "/_matrix/client/v3/join/" + encode(roomId), readerToken, "{}");
        return roomId;
    }

    private JsonNode event(String roomId, String eventId) {
        return matrix("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/event/" + encode(eventId), readerToken,
                null);
    }

    private JsonNode memberState(String roomId, String userId) {
        return matrix("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/state/m.room.member/" + encode(userId),
                readerToken, null);
    }

    @Test
    void a_missing_a_wrong_or_a_bearer_token_is_refused_with_m_forbidden() {
        assertEnvelope(call("GET", "/rooms/!x:" + synapse.serverName(), null, null), 403, "M_FORBIDDEN");
        assertEnvelope(call("GET", "/rooms/!x:" + synapse.serverName(), TOKEN + "x", null), 403, "M_FORBIDDEN");
        var bearer = api.send(api.builder("/internal/matrix/rooms/!x:" + synapse.serverName(), TestTokens.staff())
                .GET());
        assertEnvelope(bearer, 403, "M_FORBIDDEN");
    }

    @Test
    void bad_json_an_unknown_room_and_a_sender_outside_the_gateway_namespace_get_the_envelope() {
        assertEnvelope(call("POST", "/send", TOKEN, "{\"room_id\": "), 400, "M_BAD_JSON");
        assertEnvelope(call("POST", "/send", TOKEN, "{\"room_id\": \"!a:b\", \"sender_matrix_id\": \"@rs-gw-x:"
                + synapse.serverName() + "\", \"msgtype\": \"m.sticker\", \"body\": \"x\"}"), 400, "M_BAD_JSON");
        assertEnvelope(call("GET", "/rooms/" + encode("!nowhere" + suffix + ":" + synapse.serverName()), TOKEN, null),
                404, "M_NOT_FOUND");
        String roomId = publicRoom("Outsiders");
        assertEnvelope(call("POST", "/send", TOKEN, """
                {"room_id": "%s", "sender": "user:reader", "sender_matrix_id": "%s", "msgtype": "m.text", "body": "hi"}
                """.formatted(roomId, reader)), 403, "M_FORBIDDEN");
    }

    @Test
    void a_service_over_its_rate_is_answered_429_with_retry_after() {
        List<Api.Response> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(call("POST", "/send", "flooder-token-0123456789", "{}"));
        }
        var limited = answers.stream().filter(a -> a.status() == 429).findFirst();
        assertThat(limited).as("six requests at once against two per second").isPresent();
        assertEnvelope(limited.get(), 429, "M_LIMIT_EXCEEDED");
        assertThat(limited.get().header("Retry-After")).isEqualTo("1");
    }

    @Test
    void rooms_are_created_described_renamed_and_their_history_read() {
        String roomId = publicRoom("General");
        var details = ok("GET", "/rooms/" + encode(roomId), null);
        assertThat(details.get("name").asString()).isEqualTo("General");
        assertThat(details.get("topic").asString()).isEqualTo("Main channel");
        assertThat(details.get("canonical_alias").asString()).isEqualTo("#rs-gw-general-" + suffix + ":"
                + synapse.serverName());
        assertThat(details.get("joined_members").asInt()).isEqualTo(2);

        String renamed = ok("PUT", "/rooms/" + encode(roomId) + "/name", "{\"name\": \"Renamed\"}").get("event_id")
                .asString();
        assertThat(event(roomId, renamed).get("content").get("name").asString()).isEqualTo("Renamed");
        assertThat(ok("GET", "/rooms/" + encode(roomId), null).get("name").asString())
                .as("the rename ended the cached details").isEqualTo("Renamed");

        var history = ok("GET", "/rooms/" + encode(roomId) + "/messages?dir=b&limit=50", null);
        assertThat(history.get("start").asString()).isNotBlank();
        List<String> ids = new ArrayList<>();
        history.get("chunk").forEach(e -> ids.add(e.get("event_id").asString()));
        assertThat(ids).contains(renamed);
    }

    @Test
    void messages_replies_reactions_and_redactions_are_made_as_the_gateway_user_and_seen_by_a_person() {
        String roomId = publicRoom("Chat");
        String sofia = registerGatewayUser("sofia");
        assertThat(ok("POST", "/join", "{\"room_id\": \"" + roomId + "\", \"user_id\": \"" + sofia + "\"}")
                .get("status").asString()).isEqualTo("joined");

        var sent = ok("POST", "/send", """
                {"room_id": "%s", "sender": "agent:sofia", "sender_matrix_id": "%s", "msgtype": "m.text",
                 "body": "Hello from DAARION!", "format": "org.matrix.custom.html",
                 "formatted_body": "<p>Hello from <strong>DAARION</strong>!</p>"}""".formatted(roomId, sofia));
        String first = sent.get("event_id").asString();
        assertThat(sent.get("sent_at").asString()).isNotBlank();
        var message = event(roomId, first);
        assertThat(message.get("sender").asString()).isEqualTo(sofia);
        assertThat(message.get("content").get("formatted_body").asString())
                .isEqualTo("<p>Hello from <strong>DAARION</strong>!</p>");

        String reply = ok("POST", "/send", """
                {"room_id": "%s", "sender": "agent:sofia", "sender_matrix_id": "%s", "msgtype": "m.notice",
                 "body": "a reply", "relates_to": {"m.in_reply_to": {"event_id": "%s"}}}"""
                .formatted(roomId, sofia, first)).get("event_id").asString();
        assertThat(event(roomId, reply).get("content").get("m.relates_to").get("m.in_reply_to").get("event_id")
                .asString()).isEqualTo(first);

        String reaction = ok("POST", "/send-reaction", """
                {"room_id": "%s", "event_id": "%s", "reactor": "agent:sofia", "reactor_matrix_id": "%s",
                 "emoji": "👍"}""".formatted(roomId, first, sofia)).get("event_id").asString();
        var relation = event(roomId, reaction).get("content").get("m.relates_to");
        assertThat(relation.get("key").asString()).isEqualTo("👍");
        assertThat(relation.get("event_id").asString()).isEqualTo(first);

        String redaction = ok("POST", "/redact", """
                {"room_id": "%s", "event_id": "%s", "reason": "Spam"}""".formatted(roomId, reply))
                .get("event_id").asString();
        assertThat(event(roomId, redaction).get("content").get("reason").asString()).isEqualTo("Spam");
        assertThat(event(roomId, reply).get("content").isEmpty()).as("the redacted reply").isTrue();

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type = 'io.roomservice.api.gateway.GatewayActionRecorded'", Integer.class, sofia))
                .as("registration, join, two messages and a reaction recorded for the gateway user").isEqualTo(5);
    }

    @Test
    void members_are_invited_kicked_with_a_reason_and_leave() {
        String roomId = publicRoom("Members");
        String bob = registerGatewayUser("bob");
        String carol = registerGatewayUser("carol");
        assertThat(ok("GET", "/rooms/" + encode(roomId), null).get("member_count").asInt()).isEqualTo(2);
        assertThat(ok("POST", "/invite", """
                {"room_id": "%s", "user_id": "%s", "inviter": "user:admin"}""".formatted(roomId, bob))
                .get("status").asString()).isEqualTo("invited");
        assertThat(memberState(roomId, bob).get("membership").asString()).isEqualTo("invite");
        assertThat(ok("GET", "/rooms/" + encode(roomId), null).get("member_count").asInt())
                .as("the invitation ended the cached details").isEqualTo(3);

        assertThat(ok("POST", "/kick", """
                {"room_id": "%s", "user_id": "%s", "reason": "Violation of rules"}""".formatted(roomId, bob))
                .get("status").asString()).isEqualTo("kicked");
        var kicked = memberState(roomId, bob);
        assertThat(kicked.get("membership").asString()).isEqualTo("leave");
        assertThat(kicked.get("reason").asString()).isEqualTo("Violation of rules");

        ok("POST", "/join", "{\"room_id\": \"" + roomId + "\", \"user_id\": \"" + carol + "\"}");
        assertThat(memberState(roomId, carol).get("membership").asString()).isEqualTo("join");
        assertThat(ok("POST", "/leave", "{\"room_id\": \"" + roomId + "\", \"user_id\": \"" + carol + "\"}")
                .get("status").asString()).isEqualTo("left");
        assertThat(memberState(roomId, carol).get("membership").asString()).isEqualTo("leave");
    }

    @Test
    void a_registered_user_gets_a_working_token_and_its_profile_is_set() {
        var registered = ok("POST", "/register-user", """
                {"username": "alice-%s", "password": "generated-secure-password", "display_name": "Alice"}"""
                .formatted(suffix));
        String alice = registered.get("user_id").asString();
        assertThat(alice).isEqualTo("@rs-gw-alice-" + suffix + ":" + synapse.serverName());
        assertThat(registered.get("device_id").asString()).isNotBlank();
        assertThat(matrix("GET", "/_matrix/client/v3/account/whoami", registered.get("access_token").asString(), null)
                .get("user_id").asString()).isEqualTo(alice);
        assertThat(matrixCall("POST", "/_matrix/client/v3/login", null, """
                {"type": "m.login.password", "identifier": {"type": "m.id.user", "user": "%s"},
                 "password": "generated-secure-password"}""".formatted(alice)).statusCode()).isEqualTo(200);

        ok("PUT", "/users/" + encode(alice) + "/display-name", "{\"display_name\": \"Alice (Updated)\"}");
        ok("PUT", "/users/" + encode(alice) + "/avatar", "{\"avatar_url\": \"mxc://" + synapse.serverName()
                + "/avatar456\"}");
        var profile = matrix("GET", "/_matrix/client/v3/profile/" + encode(alice), readerToken, null);
        assertThat(profile.get("displayname").asString()).isEqualTo("Alice (Updated)");
        assertThat(profile.get("avatar_url").asString()).isEqualTo("mxc://" + synapse.serverName() + "/avatar456");
    }

    @Test
    void an_uploaded_file_is_streamed_to_the_media_repository_and_downloads_byte_for_byte() throws Exception {
        byte[] png = new byte[200_000];
        new java.util.Random(7).nextBytes(png);
        String boundary = "gateway-" + suffix;
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(png);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var answer = api.send(api.builder("/internal/matrix/upload", null)
                .header("X-Internal-Service-Token", TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("content_type").asString()).isEqualTo("image/png");
        assertThat(answer.json().get("size").asLong()).isEqualTo(png.length);
        String uri = answer.json().get("content_uri").asString();
        assertThat(uri).startsWith("mxc://" + synapse.serverName() + "/");

        var download = http.send(HttpRequest.newBuilder(URI.create(synapse.url()
                        + "/_matrix/client/v1/media/download/" + uri.substring("mxc://".length())))
                        .header("Authorization", "Bearer " + readerToken).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
    }

    @Test
    void a_webhook_subscription_is_ended_once_by_the_service_that_made_it() {
        String roomId = publicRoom("Hooks");
        var subscribed = ok("POST", "/webhook/subscribe", """
                {"room_id": "%s", "webhook_url": "http://127.0.0.1:9/hooks", "events": ["m.room.message"]}"""
                .formatted(roomId));
        String id = subscribed.get("subscription_id").asString();
        assertThat(subscribed.get("secret").asString()).hasSize(64);
        assertEnvelope(call("DELETE", "/webhook/subscribe/" + id, "billing-token-0123456789", null), 404,
                "M_NOT_FOUND");
        assertThat(ok("DELETE", "/webhook/subscribe/" + id, null).get("status").asString()).isEqualTo("unsubscribed");
        assertEnvelope(call("DELETE", "/webhook/subscribe/" + id, TOKEN, null), 404, "M_NOT_FOUND");
    }

    @Test
    void a_long_polling_sync_returns_the_pushed_message_as_soon_as_it_is_recorded() throws Exception {
        String roomId = publicRoom("Sync");
        String quiet = publicRoom("Quiet");
        String since = ok("GET", "/sync?timeout=0", null).get("next_batch").asString();
        String filter = encode("{\"rooms\": [\"" + roomId + "\"], \"types\": [\"m.room.message\"]}");
        var waiting = http.sendAsync(api.builder("/internal/matrix/sync?since=" + encode(since) + "&timeout=60000&filter="
                        + filter, null).header("X-Internal-Service-Token", TOKEN).timeout(Duration.ofSeconds(90)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        matrix("PUT", "/_matrix/client/v3/rooms/" + encode(quiet) + "/send/m.room.message/q" + suffix, readerToken,
                "{\"msgtype\": \"m.text\", \"body\": \"elsewhere\"}");
        String eventId = matrix("PUT", "/_matrix/client/v3/rooms/" + encode(roomId) + "/send/m.room.message/t"
                + suffix, readerToken, "{\"msgtype\": \"m.text\", \"body\": \"Hi there\"}").get("event_id").asString();

        // well within the 60 s the caller would wait: it was answered by the event, not by its timeout
        var answer = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var body = JSON.readTree(answer.body());
        var events = body.get("rooms").get("join").get(roomId).get("timeline").get("events");
        assertThat(events.get(0).get("event_id").asString()).isEqualTo(eventId);
        assertThat(events.get(0).get("sender").asString()).isEqualTo(reader);
        assertThat(events.get(0).get("content").get("body").asString()).isEqualTo("Hi there");
        assertThat(body.get("rooms").get("join").has(quiet)).as("filtered out").isFalse();
        assertThat(body.get("next_batch").asString()).isNotEqualTo(since);

        assertEnvelope(call("GET", "/sync?since=garbage&timeout=0", TOKEN, null), 400, "M_BAD_JSON");
    }

    private String subscribe(String roomId, WebhookReceiver receiver, String secret, String events) {
        return ok("POST", "/webhook/subscribe", """
                {"room_id": "%s", "webhook_url": "%s", "events": %s, "secret": "%s"}"""
                .formatted(roomId, receiver.url(), events, secret)).get("subscription_id").asString();
    }

    private String say(String roomId, String body, String msgtype) {
        return matrix("PUT", "/_matrix/client/v3/rooms/" + encode(roomId) + "/send/m.room.message/"
                + SynapseTestBed.randomHex(6), readerToken, "{\"msgtype\": \"" + msgtype + "\", \"body\": \"" + body
                + "\", \"url\": \"mxc://" + synapse.serverName() + "/x\"}").get("event_id").asString();
    }

    @Test
    void a_webhook_subscriber_gets_each_mapped_event_once_in_order_signed_even_after_being_down_twice()
            throws Exception {
        try (var receiver = new WebhookReceiver(2)) {
            String roomId = publicRoom("Webhooks");
            String subscription = subscribe(roomId, receiver, "receiver-secret",
                    "[\"m.room.message\", \"m.room.member\"]");
            String dana = registerGatewayUser("dana");
            ok("POST", "/join", "{\"room_id\": \"" + roomId + "\", \"user_id\": \"" + dana + "\"}");
            List<String> sent = List.of(say(roomId, "first", "m.text"), say(roomId, "a photo", "m.image"),
                    say(roomId, "third", "m.notice"));

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.accepted().size() >= 4 && receiver.accepted().get(
                            receiver.accepted().size() - 1).body().contains(sent.get(2)));
            // the reader's own join is pushed asynchronously and may be recorded after the subscription
            var accepted = receiver.accepted().stream().filter(r -> !JSON.readTree(r.body()).get("event")
                    .path("state_key").asString("").equals(reader)).toList();
            List<String> types = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (var delivery : accepted) {
                assertThat(delivery.signature()).isEqualTo("sha256=" + WebhookSender.sign("receiver-secret",
                        delivery.body().getBytes(StandardCharsets.UTF_8)));
                var body = JSON.readTree(delivery.body());
                assertThat(body.get("subscription_id").asString()).isEqualTo(subscription);
                assertThat(body.get("room_id").asString()).isEqualTo(roomId);
                types.add(body.get("event").get("event_type").asString());
                ids.add(body.get("event").get("event_id").asString());
            }
            assertThat(types).containsExactly("messaging.member.joined", "messaging.message.created",
                    "messaging.media.uploaded", "messaging.message.created");
            assertThat(ids.subList(1, 4)).containsExactlyElementsOf(sent);
            assertThat(accepted).as("each event taken once").hasSize(4);
            assertThat(accepted.stream().map(WebhookReceiver.Received::deliveryId).distinct().count()).isEqualTo(4);
            assertThat(receiver.received.subList(0, 3)).extracting(WebhookReceiver.Received::deliveryId)
                    .as("the first event refused twice, then taken").containsOnly(receiver.accepted().get(0).deliveryId());
        }
    }

    @Test
    void a_delivery_that_fails_every_retry_is_parked_holds_back_the_later_ones_and_is_replayed_by_staff()
            throws Exception {
        try (var receiver = new WebhookReceiver(0)) {
            receiver.down.set(true);
            String roomId = publicRoom("Parking");
            subscribe(roomId, receiver, "parking-secret", "[\"m.room.message\"]");
            String first = say(roomId, "parked one", "m.text");

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("/api/admin/gateway/webhook-deliveries/", TestTokens.staff()).body()
                            .contains(first));
            assertThat(receiver.received).as("the first attempt and three retries").hasSize(4);
            String second = say(roomId, "waits behind it", "m.text");
            receiver.down.set(false);
            var parked = api.get("/api/admin/gateway/webhook-deliveries/", TestTokens.staff()).json();
            String deliveryId = null;
            for (var delivery : parked) {
                if (delivery.get("event_id").asString().equals(first)) {
                    deliveryId = delivery.get("delivery_id").asString();
                }
            }
            var replay = api.post("/api/admin/gateway/webhook-deliveries/replay/", TestTokens.staff(),
                    "{\"delivery_id\": \"" + deliveryId + "\"}");
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.accepted().size() >= 2);
            assertThat(receiver.accepted()).extracting(r -> JSON.readTree(r.body()).get("event").get("event_id")
                    .asString()).containsExactly(first, second);
        }
    }
}
