package io.roomservice.infra.bench;

import io.roomservice.infra.homeserver.NoticeFormat;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot's reply latency against the local Synapse, measured by hand (scripts/benchmark.sh bot), never
 * in the suite. A: the benchmark acts as the homeserver and pushes one {@code !status} of a project
 * member in an appservice transaction to roomservice; the clock runs from the PUT until the reply is
 * visible to the member through a long-polling {@code /sync}. B, the baseline, alternating with A in
 * the same run: the bot's plain {@code /send} of the same reply text, until visible the same way.
 * Commands are sent one at a time; the per-room limit is raised for the run
 * ({@code roomservice.bot.replies-per-minute}), as 200 commands in one room would otherwise be dropped
 * after the tenth.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${ROOMSERVICE_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/roomservice_bench}",
        "roomservice.bot.replies-per-minute=100000",
        "logging.level.io.roomservice=WARN"})
class BotReplyBenchmark extends SynapseLinkedTest {

    private static final int COMMANDS = Integer.getInteger("bench.commands", 200);
    private static final int WARMUP = Integer.getInteger("bench.commands-warmup", 20);

    private String matrixRoomId;
    private String member;
    private String memberToken;
    private String since;

    @Test
    void aCommandsReplyNextToAPlainSendOfTheSameText() throws Exception {
        String projectName = "Bot benchmark " + SynapseTestBed.randomHex(3);
        String project = registerProject(projectName);
        String username = "ada-" + SynapseTestBed.randomHex(3);
        UUID ada = registerPerson(username, "Ada Bench");
        var granted = api.put("/api/host/projects/" + project + "/roles/" + ada + "/member/", TestTokens.host(), "");
        assertThat(granted.status()).as(granted.body()).isIn(200, 202);
        String room = createRoom(project);
        matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        member = "@rs-" + username + ":" + synapse.serverName();
        var credentials = api.get("/api/matrix/credentials/?room_uuid=" + room, TestTokens.person(ada));
        assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
        memberToken = credentials.json().get("access_token").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                matrix("GET", "/_matrix/client/v3/joined_rooms", memberToken, null).toString().contains(matrixRoomId));
        since = sync(null, 0).get("next_batch").asString();

        String reply = "**" + projectName + "** — status: all clear.";
        for (int i = 0; i < WARMUP; i++) {
            command();
            plainSend(reply);
        }
        double[] a = new double[COMMANDS];
        double[] b = new double[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            a[i] = command();
            b[i] = plainSend(reply);
        }
        BenchmarkReport.print("bot reply", "%d commands one at a time after %d warm-up, one room, limit raised"
                .formatted(COMMANDS, WARMUP), List.of(
                line("A  command in a transaction -> reply visible", a),
                line("B  plain /send of the reply   -> visible", b),
                String.format(Locale.ROOT, "added latency A - B: p50 %.1f ms, p95 %.1f ms",
                        percentile(a, 50) - percentile(b, 50), percentile(a, 95) - percentile(b, 95))));
    }

    /** Pushes one {@code !status} of the member as the homeserver would; ms until its reply is visible. */
    private double command() {
        String eventId = "$bench" + UUID.randomUUID().toString().replace("-", "");
        String transaction = JSON.writeValueAsString(Map.of("events", List.of(Map.of(
                "type", "m.room.message", "event_id", eventId, "room_id", matrixRoomId, "sender", member,
                "origin_server_ts", System.currentTimeMillis(),
                "content", Map.of("msgtype", "m.text", "body", "!status")))));
        long start = System.nanoTime();
        var pushed = api.send(api.builder("/_matrix/app/v1/transactions/bench-" + UUID.randomUUID(),
                        link.current().hsToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(transaction)));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        awaitVisible(e -> eventId.equals(e.path("content").path("m.relates_to").path("m.in_reply_to")
                .path("event_id").asString()));
        return (System.nanoTime() - start) / 1e6;
    }

    /** The bot's own send of the same notice; ms until it is visible. */
    private double plainSend(String markdown) {
        String content = JSON.writeValueAsString(Map.of("msgtype", "m.notice", "body", markdown,
                "format", NoticeFormat.HTML, "formatted_body", NoticeFormat.html(markdown)));
        long start = System.nanoTime();
        String eventId = matrix("PUT", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/send/m.room.message/bench-"
                + UUID.randomUUID(), asToken, content).get("event_id").asString();
        awaitVisible(e -> eventId.equals(e.path("event_id").asString()));
        return (System.nanoTime() - start) / 1e6;
    }

    /** Long-polls the member's {@code /sync} until an event of the room matches. */
    private void awaitVisible(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = sync(since, 10_000);
            since = page.get("next_batch").asString();
            for (JsonNode event : page.path("rooms").path("join").path(matrixRoomId).path("timeline").path("events")) {
                if (wanted.test(event)) {
                    return;
                }
            }
        }
        throw new AssertionError("Not visible within 30 s");
    }

    private JsonNode sync(String from, int timeoutMs) {
        String filter = "{\"room\":{\"rooms\":[\"" + matrixRoomId + "\"],\"timeline\":{\"limit\":20}},"
                + "\"presence\":{\"types\":[]},\"account_data\":{\"types\":[]}}";
        return matrix("GET", "/_matrix/client/v3/sync?timeout=" + timeoutMs + "&filter=" + encode(filter)
                + (from == null ? "" : "&since=" + encode(from)), memberToken, null);
    }

    private static String line(String what, double[] ms) {
        return String.format(Locale.ROOT, "%-46s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms", what,
                percentile(ms, 50), percentile(ms, 95), Arrays.stream(ms).max().orElse(0));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
