package io.roomservice.infra.bot;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import io.roomservice.sagas.bot.BotReplies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot over HTTP with the scripted homeserver: commands pushed in appservice transactions are
 * answered once, by the access rule; orders pushed by the host are told in the room.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {
        "roomservice.matrix.as-token=" + BotCommandsEndToEndTest.AS_TOKEN,
        "roomservice.matrix.hs-token=" + BotCommandsEndToEndTest.HS_TOKEN,
        "roomservice.matrix.domain=scripted.test",
        // the class asks more than 10 commands a minute in one room; the limit itself is WindowReplyLimitTest's
        "roomservice.bot.replies-per-minute=100"})
class BotCommandsEndToEndTest extends EndToEndTest {

    static final String AS_TOKEN = "as_token_of_the_bot_test_0123456789abcdef0123456789";
    static final String HS_TOKEN = "hs_token_of_the_bot_test_0123456789abcdef0123456789";

    private String roomUuid;
    private String matrixRoomId;
    private ProjectId project;
    private UserId ada;
    private String adaMatrixId;

    @BeforeEach
    void aRoomWithAMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        roomUuid = activeRoom("Bot *project* " + suffix);
        var room = room(roomUuid).json();
        matrixRoomId = room.get("room_id").asString();
        project = new ProjectId(UUID.fromString(room.get("project_uuid").asString()));
        ada = UserId.random();
        assertThat(putUser(ada, "{\"username\": \"ada-" + suffix + "\", \"full_name\": \"Ada <b>*Lovelace*</b>\"}")
                .status()).isEqualTo(202);
        grantProjectRole(project, ada, "admin");
        adaMatrixId = "@rs-ada-" + suffix + ":scripted.test";
        await().atMost(Duration.ofSeconds(20)).until(() -> "join".equals(homeserver.membersOf(matrixRoomId).get(adaMatrixId)));
    }

    private Api.Response push(String txnId, String... events) {
        return api.send(api.builder("/_matrix/app/v1/transactions/" + txnId, HS_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"events\": [" + String.join(",", events) + "]}")));
    }

    private static String message(String eventId, String roomId, String sender, String msgtype, String body) {
        return """
                {"type": "m.room.message", "event_id": "%s", "room_id": "%s", "sender": "%s",
                 "origin_server_ts": %d, "content": {"msgtype": "%s", "body": "%s"}}"""
                .formatted(eventId, roomId, sender, System.currentTimeMillis(), msgtype, body);
    }

    private static String eventId() {
        return "$" + UUID.randomUUID().toString().replace("-", "");
    }

    private String ask(String sender, String command) {
        String event = eventId();
        assertThat(push("txn-" + UUID.randomUUID(), message(event, matrixRoomId, sender, "m.text", command)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !homeserver.repliesTo(event).isEmpty());
        return homeserver.repliesTo(event).get(0);
    }

    @Test
    void a_member_gets_each_command_answered_and_an_outsider_the_refusal() {
        assertThat(ask(adaMatrixId, "!help")).isEqualTo(BotReplies.HELP);
        assertThat(ask(adaMatrixId, "!HELP please")).isEqualTo(BotReplies.HELP);
        assertThat(ask(adaMatrixId, "!frobnicate")).isEqualTo(BotReplies.unknown("frobnicate"));
        assertThat(ask(adaMatrixId, "!status")).endsWith("— status: all clear.");
        assertThat(ask(adaMatrixId, "!orders")).endsWith(": no orders.");
        assertThat(ask(adaMatrixId, "!members")).startsWith("**Room members (2):**")
                // the scripted homeserver keeps no power levels: "**admin**" is BotRepliesTest's
                .contains("- `@roomservice-bot:scripted.test` — bot", "- `" + adaMatrixId + "` — member");
        assertThat(ask("@stranger:elsewhere.test", "!help")).isEqualTo(BotReplies.NO_ACCESS);
    }

    @Test
    void a_command_typed_before_the_profiles_read_model_knows_the_sender_is_answered_once_it_does() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bobMatrixId = "@rs-bob-" + suffix + ":scripted.test";
        String event = eventId();
        assertThat(push("txn-" + UUID.randomUUID(), message(event, matrixRoomId, bobMatrixId, "m.text", "!help"))
                .status()).isEqualTo(200);

        UserId bob = UserId.random();
        assertThat(putUser(bob, "{\"username\": \"bob-" + suffix + "\", \"full_name\": \"Bob\"}").status()).isEqualTo(202);
        grantProjectRole(project, bob, "member");

        await().atMost(Duration.ofSeconds(20)).until(() -> !homeserver.repliesTo(event).isEmpty());
        assertThat(homeserver.repliesTo(event)).containsExactly(BotReplies.HELP);
    }

    @Test
    void the_same_transaction_delivered_twice_gets_one_reply_and_notices_and_the_bot_get_none() throws Exception {
        String event = eventId();
        String txn = "txn-" + UUID.randomUUID();
        String command = message(event, matrixRoomId, adaMatrixId, "m.text", "!help");
        String notice = message(eventId(), matrixRoomId, adaMatrixId, "m.notice", "!help");
        String own = message(eventId(), matrixRoomId, "@roomservice-bot:scripted.test", "m.text", "!help");
        assertThat(push(txn, command, notice, own).status()).isEqualTo(200);
        assertThat(push(txn, command, notice, own).status()).isEqualTo(200);
        assertThat(push("txn-" + UUID.randomUUID(), command).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !homeserver.repliesTo(event).isEmpty());
        Thread.sleep(1500);
        assertThat(homeserver.repliesTo(event)).hasSize(1);
        assertThat(homeserver.noticesIn(matrixRoomId).stream().filter(BotReplies.HELP::equals)).hasSize(1);
    }

    /**
     * The appservice endpoint dedupes transactions, not events: the same command event in a later,
     * different transaction is recorded again. Its answer's work row is gone by then; the bot's record
     * of the commands it read is what keeps it from sending the reply again.
     */
    @Test
    void a_command_pushed_again_in_another_transaction_after_it_was_answered_is_not_answered_again()
            throws Exception {
        String event = eventId();
        String command = message(event, matrixRoomId, adaMatrixId, "m.text", "!help");
        assertThat(push("txn-" + UUID.randomUUID(), command).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.replySends(event) == 1
                && jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = ?", Integer.class,
                "bot:" + event) == 0);

        String later = eventId();
        assertThat(push("txn-" + UUID.randomUUID(), command,
                message(later, matrixRoomId, adaMatrixId, "m.text", "!status")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !homeserver.repliesTo(later).isEmpty());
        Thread.sleep(1000);

        assertThat(homeserver.replySends(event)).isEqualTo(1);
        assertThat(homeserver.repliesTo(event)).containsExactly(BotReplies.HELP);
    }

    @Test
    void orders_and_resources_from_the_host_show_in_status_orders_and_notices() {
        String resource = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String base = "/api/host/projects/" + project + "/";
        assertThat(api.put(base + "resources/" + resource + "/", TestTokens.host(),
                "{\"name\": \"vm-1\", \"state\": \"erred\"}").status()).isEqualTo(202);
        String body = "{\"type\": \"Create\", \"offering\": \"Small *VM*\", \"resource\": \"" + resource
                + "\", \"state\": \"%s\", \"created\": \"2026-03-01T10:00:00Z\", \"requested_by\": \"" + ada + "\"}";
        var created = api.put(base + "orders/" + order + "/", TestTokens.host(), body.formatted("pending-consumer"));
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().get("outcome").asString()).isEqualTo("created");
        var approved = api.put(base + "orders/" + order + "/", TestTokens.host(), body.formatted("executing"));
        assertThat(approved.json().get("outcome").asString()).isEqualTo("changed");
        var late = api.put(base + "orders/" + order + "/", TestTokens.host(), body.formatted("pending-provider"));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().get("outcome").asString()).isEqualTo("older-state-ignored");
        expectProblem(api.put(base + "orders/" + order + "/", TestTokens.host(), body.formatted("approved")), 400,
                "unknown-state");
        expectProblem(api.put("/api/host/projects/" + UUID.randomUUID() + "/orders/" + UUID.randomUUID() + "/",
                TestTokens.host(), body.formatted("done")), 404, "unknown-project");

        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.noticesIn(matrixRoomId).contains(
                "Order approved: Create of Small \\*VM\\* (requested by Ada \\<b>\\*Lovelace\\*\\</b>)."));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ask(adaMatrixId, "!orders"))
                .endsWith("— last 1 orders:\n- `executing` · Create · `vm-1` · 2026-03-01"));
        assertThat(ask(adaMatrixId, "!status")).endsWith("""
                — status:
                - **1 resource(s) errored:** `vm-1`""");
        assertThat(homeserver.noticesIn(matrixRoomId).stream().filter(n -> n.startsWith("Order ")).toList())
                .isEqualTo(List.of("Order approved: Create of Small \\*VM\\* (requested by Ada \\<b>\\*Lovelace\\*\\</b>)."));
    }
}
