package io.roomservice.infra.bench;

import com.sun.net.httpserver.HttpServer;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.gateway.GatewayAction;
import io.roomservice.api.gateway.RecordGatewayAction;
import io.roomservice.infra.homeserver.MatrixConnections;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal gateway's overhead and webhook latency against the local Synapse, measured by hand
 * (scripts/benchmark.sh gateway), never in the suite. A: {@code POST /internal/matrix/send} as a gateway
 * user; B, the baseline, alternating with A in the same run: the same message sent straight to Synapse
 * with the same identity (the appservice token asserting the gateway user); both from 1 and 8 concurrent
 * callers. Where A's extra time goes, in the same rounds: H, the gateway's HTTP hop alone (cached room
 * details: token check, rate limit, JSON, no homeserver call); S, the homeserver call alone through
 * roomservice's own Matrix client, as the gateway makes it, without the HTTP in front; and R, recording
 * alone (the {@code RecordGatewayAction} a send records, through the command gateway, no HTTP). Then webhooks: the
 * benchmark pushes a transaction as the homeserver would and the clock runs until the subscriber (an
 * in-process HTTP server) has the delivery.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${ROOMSERVICE_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/roomservice_bench}",
        "roomservice.gateway.enabled=true",
        "roomservice.gateway.services.bench.token=" + GatewayBenchmark.TOKEN,
        "roomservice.gateway.requests-per-second=100000",
        "logging.level.io.roomservice=WARN"})
class GatewayBenchmark extends SynapseLinkedTest {

    static final String TOKEN = "gateway-benchmark-token-0123456789";
    private static final int SENDS = Integer.getInteger("bench.sends", 200);
    private static final int DELIVERIES = Integer.getInteger("bench.deliveries", 50);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @Autowired
    private CommandGateway commands;
    @Autowired
    private MatrixConnections connections;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;
    private String roomId;
    private String user;

    @Test
    void sendsThroughTheGatewayNextToStraightSendsAndWebhookLatency() throws Exception {
        String suffix = SynapseTestBed.randomHex(3);
        roomId = gateway("/create-room", "{\"name\": \"Bench\", \"preset\": \"public_chat\"}").get("room_id").asString();
        user = gateway("/register-user", "{\"username\": \"bench-" + suffix + "\"}").get("user_id").asString();
        gateway("/join", "{\"room_id\": \"" + roomId + "\", \"user_id\": \"" + user + "\"}");

        List<String> lines = new ArrayList<>();
        gateway("GET", "/rooms/" + encode(roomId), null);
        for (int threads : new int[] {1, 8}) {
            for (Kind kind : Kind.values()) {
                run(threads, SENDS / 10, kind);
            }
            Map<Kind, List<Double>> ms = new java.util.EnumMap<>(Kind.class);
            double[] server = new double[2];
            for (int round = 0; round < 4; round++) {
                for (Kind kind : Kind.values()) {
                    double[] before = kind == Kind.A ? serverTime() : null;
                    ms.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(run(threads, SENDS / 4, kind));
                    if (before != null) {
                        double[] after = serverTime();
                        server[0] += after[0] - before[0];
                        server[1] += after[1] - before[1];
                    }
                }
            }
            for (Kind kind : Kind.values()) {
                lines.add(line(kind.label + ", " + threads + " caller(s)", ms.get(kind)));
            }
            lines.add(String.format(Locale.ROOT, "   means: A %.1f ms (in the server %.1f ms), B %.1f, H %.1f, S %.1f, "
                            + "R %.1f", mean(ms.get(Kind.A)), server[1] / server[0], mean(ms.get(Kind.B)),
                    mean(ms.get(Kind.H)), mean(ms.get(Kind.S)), mean(ms.get(Kind.R))));
            lines.add(String.format(Locale.ROOT, "   overhead at p50: %.1f %% (%.1f ms)", 100 * (percentile(ms.get(Kind.A), 50)
                    / percentile(ms.get(Kind.B), 50) - 1), percentile(ms.get(Kind.A), 50) - percentile(ms.get(Kind.B), 50)));
        }
        lines.add(line("webhook: transaction pushed -> delivered", webhooks()));
        BenchmarkReport.print("gateway", "%d calls of each kind per caller count (4 alternating rounds), %d webhook deliveries"
                .formatted(SENDS, DELIVERIES), lines);
    }

    private enum Kind {
        A("A  gateway send"), B("B  straight to Synapse"), H("H  gateway hop only (cached details)"),
        S("S  the gateway's Synapse client only"), R("R  recording only (command)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** {@code count} calls from {@code threads} callers; the latency of each in ms. */
    private List<Double> run(int threads, int count, Kind kind) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(callers.submit(() -> switch (kind) {
                    case A -> viaGateway();
                    case B -> straight();
                    case H -> hopOnly();
                    case S -> clientOnly();
                    case R -> recordOnly();
                }));
            }
            List<Double> ms = new ArrayList<>();
            for (Future<Double> one : sent) {
                ms.add(one.get(60, TimeUnit.SECONDS));
            }
            return ms;
        } finally {
            callers.shutdownNow();
        }
    }

    private double viaGateway() throws Exception {
        String body = "{\"room_id\": \"" + roomId + "\", \"sender\": \"agent:bench\", \"sender_matrix_id\": \""
                + user + "\", \"msgtype\": \"m.text\", \"body\": \"bench\"}";
        long start = System.nanoTime();
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/matrix/send"))
                .header("X-Internal-Service-Token", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (System.nanoTime() - start) / 1e6;
    }

    private double hopOnly() throws Exception {
        long start = System.nanoTime();
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/matrix/rooms/"
                        + encode(roomId))).header("X-Internal-Service-Token", TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (System.nanoTime() - start) / 1e6;
    }

    /** The homeserver call a send makes, through roomservice's own client, in this process: no HTTP in front. */
    private double clientOnly() {
        long start = System.nanoTime();
        var answer = connections.require().client().appservice().as(user).put("/_matrix/client/v3/rooms/"
                        + encode(roomId) + "/send/m.room.message/s-" + UUID.randomUUID(),
                Map.of("msgtype", "m.text", "body", "bench"));
        assertThat(answer.successful()).isTrue();
        return (System.nanoTime() - start) / 1e6;
    }

    /** What a send records once the homeserver answered, with the metadata the gateway gives it. */
    private double recordOnly() {
        var command = GenericCommandMessage.asCommandMessage(new RecordGatewayAction(user, "bench", "agent:bench",
                GatewayAction.MESSAGE_SENT, roomId, null, "$bench-" + UUID.randomUUID())).andMetaData(Map.of(
                MetaDataKeys.ACTOR, "service:bench", MetaDataKeys.REQUEST_ID, UUID.randomUUID().toString(),
                MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString()));
        long start = System.nanoTime();
        commands.sendAndWait(command, 30, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e6;
    }

    private double straight() throws Exception {
        long start = System.nanoTime();
        var answer = http.send(HttpRequest.newBuilder(URI.create(synapse.url() + "/_matrix/client/v3/rooms/"
                        + encode(roomId) + "/send/m.room.message/b-" + UUID.randomUUID() + "?user_id=" + encode(user)))
                .header("Authorization", "Bearer " + asToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"msgtype\": \"m.text\", \"body\": \"bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Pushes one message at a time as the homeserver; ms until the subscriber has it. */
    private List<Double> webhooks() throws Exception {
        Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            waiting.entrySet().stream().filter(e -> body.contains(e.getKey())).forEach(e -> e.getValue().countDown());
        });
        receiver.start();
        try {
            gateway("/webhook/subscribe", "{\"room_id\": \"" + roomId + "\", \"webhook_url\": \"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hooks\", \"events\": [\"m.room.message\"]}");
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < DELIVERIES + 5; i++) {
                String eventId = "$bench" + UUID.randomUUID().toString().replace("-", "");
                CountDownLatch delivered = new CountDownLatch(1);
                waiting.put(eventId, delivered);
                String transaction = JSON.writeValueAsString(Map.of("events", List.of(Map.of(
                        "type", "m.room.message", "event_id", eventId, "room_id", roomId, "sender", user,
                        "origin_server_ts", System.currentTimeMillis(),
                        "content", Map.of("msgtype", "m.text", "body", "pushed")))));
                long start = System.nanoTime();
                var pushed = api.send(api.builder("/_matrix/app/v1/transactions/bench-" + UUID.randomUUID(),
                                link.current().hsToken()).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(transaction)));
                assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
                assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
                if (i >= 5) {
                    ms.add((System.nanoTime() - start) / 1e6);
                }
            }
            return ms;
        } finally {
            receiver.stop(0);
        }
    }

    private tools.jackson.databind.JsonNode gateway(String path, String body) {
        return gateway("POST", path, body);
    }

    private tools.jackson.databind.JsonNode gateway(String method, String path, String body) {
        var answer = api.send(api.builder("/internal/matrix" + path, null).header("X-Internal-Service-Token", TOKEN)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String line(String what, List<Double> ms) {
        return String.format(Locale.ROOT, "%-46s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms", what,
                percentile(ms, 50), percentile(ms, 95), ms.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Count and total ms of the server's {@code http.server.requests} for the gateway's send. */
    private double[] serverTime() {
        var timer = meters.find("http.server.requests").tag("uri", "/internal/matrix/send").timer();
        return timer == null ? new double[2] : new double[] {timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)};
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
