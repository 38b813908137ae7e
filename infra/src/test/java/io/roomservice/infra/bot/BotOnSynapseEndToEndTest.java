package io.roomservice.infra.bot;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import io.roomservice.sagas.bot.BotReplies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot against the real Synapse, seen the way people in the room see it: a project member types
 * each command through the Client-Server API and reads the reply there, quoting the command; a
 * Matrix user without a role is refused; an order's state change arrives as a notice with both
 * bodies; and a transaction the homeserver delivers again is answered once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
// One room for all (each room costs seconds in Synapse): the commands are asked before the order
// test gives the project a resource and an order, so !status and !orders have their empty answers.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Eleven commands in one room within a minute, redeliveries included: over the limit of 10, a redelivery
// would be dropped by the limit before it reaches the once-only outbox that this test is about.
@TestPropertySource(properties = "roomservice.bot.replies-per-minute=100")
class BotOnSynapseEndToEndTest extends SynapseLinkedTest {

    private String projectName;
    private String project;
    private String matrixRoomId;
    private UUID ada;
    private String adaMatrixId;
    private String adaToken;

    @BeforeAll
    void aProjectRoomWithAMemberLoggedIntoSynapse() {
        projectName = "Bot e2e " + SynapseTestBed.randomHex(3);
        project = registerProject(projectName);
        String username = "ada-" + SynapseTestBed.randomHex(3);
        // a name full of markdown and HTML, so the order notice shows the escaping in both bodies
        ada = registerPerson(username, "Ada <b>*Member*</b>");
        var granted = api.put("/api/host/projects/" + project + "/roles/" + ada + "/member/", TestTokens.host(), "");
        assertThat(granted.status()).as(granted.body()).isIn(200, 202);
        String room = createRoom(project);
        matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        adaMatrixId = "@rs-" + username + ":" + synapse.serverName();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                "join".equals(membership(adaMatrixId)));
        // Ada's own access token, as the embedded chat gets it: she types like any Matrix client
        var credentials = api.get("/api/matrix/credentials/?room_uuid=" + room, TestTokens.person(ada));
        assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
        adaToken = credentials.json().get("access_token").asString();
    }

    private String membership(String user) {
        var state = matrixCall("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/state/m.room.member/"
                + encode(user), asToken, null);
        return state.statusCode() == 200 ? JSON.readTree(state.body()).path("membership").asString() : null;
    }

    /** Types a message into the room with the user's own access token; answers its event id. */
    private String type(String token, String text) {
        return matrix("PUT", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/send/m.room.message/"
                + UUID.randomUUID(), token, JSON.writeValueAsString(Map.of("msgtype", "m.text", "body", text)))
                .get("event_id").asString();
    }

    /** The room's recent events as the reader sees them through {@code /messages}. */
    private List<JsonNode> recentEvents(String token) {
        List<JsonNode> events = new ArrayList<>();
        matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/messages?dir=b&limit=100", token, null)
                .get("chunk").forEach(events::add);
        return events;
    }

    /** The bot's replies to the event, read by the reader from Synapse. */
    private List<JsonNode> repliesTo(String eventId, String token) {
        return recentEvents(token).stream()
                .filter(e -> bot().equals(e.path("sender").asString()))
                .filter(e -> eventId.equals(e.path("content").path("m.relates_to").path("m.in_reply_to")
                        .path("event_id").asString()))
                .map(e -> e.get("content")).toList();
    }

    /** Types the command and waits for the one reply that quotes it; answers the reply's content. */
    private JsonNode ask(String token, String command) {
        String event = type(token, command);
        List<JsonNode> replies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            replies.clear();
            replies.addAll(repliesTo(event, token));
            assertThat(replies).as("the bot's reply to " + command).isNotEmpty();
        });
        JsonNode reply = replies.get(0);
        assertThat(reply.path("msgtype").asString()).isEqualTo("m.notice");
        assertThat(reply.path("format").asString()).isEqualTo("org.matrix.custom.html");
        return reply;
    }

    @Test
    @Order(1)
    void a_member_types_each_command_and_reads_the_reply_quoting_it() {
        assertThat(ask(adaToken, "!help").path("body").asString()).isEqualTo(BotReplies.HELP);
        assertThat(ask(adaToken, "!status").path("body").asString())
                .isEqualTo("**" + projectName + "** — status: all clear.");
        assertThat(ask(adaToken, "!ORDERS now").path("body").asString())
                .isEqualTo("**" + projectName + "**: no orders.");
        JsonNode members = ask(adaToken, "!members");
        assertThat(members.path("body").asString()).isEqualTo("""
                **Room members (2):**
                - `%s` — bot
                - `%s` — member""".formatted(bot(), adaMatrixId));
        assertThat(members.path("formatted_body").asString()).startsWith("<p><strong>Room members (2):</strong></p>")
                .contains("<li><code>" + adaMatrixId + "</code> — member</li>");
    }

    @Test
    void a_matrix_user_without_a_role_in_the_project_gets_the_refusal() {
        String localpart = "outsider-" + SynapseTestBed.randomHex(3);
        JsonNode registered = JSON.readTree(synapse.registerUser(localpart, "outsider-password-" + localpart));
        String outsider = registered.get("user_id").asString();
        String outsiderToken = registered.get("access_token").asString();
        // the bot lets them in, as a moderator might: being in the room gives no access to the project
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/invite", asToken,
                "{\"user_id\": \"" + outsider + "\"}");
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/join", outsiderToken, "{}");

        JsonNode reply = ask(outsiderToken, "!status");

        assertThat(reply.path("body").asString()).isEqualTo(BotReplies.NO_ACCESS);
        assertThat(reply.path("formatted_body").asString()).isEqualTo("You don't have access to this room's project in Waldur.");
    }

    @Test
    @Order(2)
    void an_order_state_change_from_the_host_is_a_notice_with_an_escaped_body_and_a_sanitized_html_body() {
        String base = "/api/host/projects/" + project + "/";
        String resource = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        assertThat(api.put(base + "resources/" + resource + "/", TestTokens.host(),
                "{\"name\": \"vm-1\", \"state\": \"creating\"}").status()).isEqualTo(202);
        String body = "{\"type\": \"Create\", \"offering\": \"Small *VM* <i>x</i>\", \"resource\": \"" + resource
                + "\", \"state\": \"%s\", \"created\": \"2026-03-01T10:00:00Z\", \"requested_by\": \"" + ada + "\"}";
        assertThat(api.put(base + "orders/" + order + "/", TestTokens.host(), body.formatted("pending-consumer"))
                .status()).isEqualTo(202);
        assertThat(api.put(base + "orders/" + order + "/", TestTokens.host(), body.formatted("executing"))
                .status()).isEqualTo(202);

        String expectedBody = "Order approved: Create of Small \\*VM\\* \\<i>x\\</i> (requested by Ada \\<b>\\*Member\\*\\</b>).";
        List<JsonNode> notices = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            notices.clear();
            recentEvents(adaToken).stream().map(e -> e.path("content"))
                    .filter(c -> c.path("body").asString("").startsWith("Order ")).forEach(notices::add);
            assertThat(notices).hasSize(1);
        });
        JsonNode notice = notices.get(0);
        assertThat(notice.path("msgtype").asString()).isEqualTo("m.notice");
        assertThat(notice.path("body").asString()).isEqualTo(expectedBody);
        assertThat(notice.path("format").asString()).isEqualTo("org.matrix.custom.html");
        assertThat(notice.path("formatted_body").asString()).isEqualTo(
                "Order approved: Create of Small *VM* &lt;i&gt;x&lt;/i&gt; (requested by Ada &lt;b&gt;*Member*&lt;/b&gt;).");
        // once the order is known, !orders lists it and !status counts the resource on its way
        assertThat(ask(adaToken, "!orders").path("body").asString())
                .isEqualTo("**" + projectName + "** — last 1 orders:\n- `executing` · Create · `vm-1` · 2026-03-01");
        assertThat(ask(adaToken, "!status").path("body").asString())
                .isEqualTo("**" + projectName + "** — status:\n- 1 creating / updating / terminating");
    }

    @Test
    void the_same_transaction_delivered_twice_gets_one_reply() throws Exception {
        String command = type(adaToken, "!help");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                !repliesTo(command, adaToken).isEmpty());
        // the command event as Synapse pushed it, delivered again: same transaction id twice, then in a new one
        JsonNode event = matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/event/" + encode(command),
                adaToken, null);
        String transaction = "{\"events\": [" + JSON.writeValueAsString(event) + "]}";
        String txn = "redelivered-" + UUID.randomUUID();
        for (String txnId : List.of(txn, txn, "redelivered-" + UUID.randomUUID())) {
            var pushed = api.send(api.builder("/_matrix/app/v1/transactions/" + txnId, link.current().hsToken())
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(transaction)));
            assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        }

        // a second reply, if any, would come as fast as the first did
        Thread.sleep(2_000);
        assertThat(repliesTo(command, adaToken)).hasSize(1);
    }
}
