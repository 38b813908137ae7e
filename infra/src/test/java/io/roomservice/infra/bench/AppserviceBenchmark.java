package io.roomservice.infra.bench;

import io.roomservice.infra.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The appservice transactions endpoint's figures, measured by hand (scripts/benchmark.sh appservice),
 * never as part of the suite. One transaction in flight at a time, as Synapse sends them to an
 * appservice: transactions and events per second and the acknowledgement's latency for 1, 10 and 100
 * events per transaction; then the time from the acknowledgement until the transaction's last event
 * is in the room timeline read model. Baselines in the same run: a raw JDBC insert-and-commit of the
 * same transaction (its row and its body), and a repeated delivery (HTTP, token check, JSON parsing
 * and the in-memory dedupe, no database).
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${ROOMSERVICE_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/roomservice_bench}",
        "roomservice.matrix.as-token=" + AppserviceBenchmark.AS_TOKEN,
        "roomservice.matrix.hs-token=" + AppserviceBenchmark.HS_TOKEN,
        "roomservice.matrix.domain=bench.test",
        "logging.level.io.roomservice=WARN"})
class AppserviceBenchmark extends EndToEndTest {

    static final String AS_TOKEN = "as_token_of_the_appservice_benchmark_0123456789abcdef";
    static final String HS_TOKEN = "hs_token_of_the_appservice_benchmark_0123456789abcdef";

    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final int LATENCY_SAMPLES = Integer.getInteger("bench.latency-samples", 100);

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> report = new ArrayList<>();
    private String matrixRoomId;

    @Test
    void measure() throws Exception {
        matrixRoomId = matrixRoomOfAnActiveRoom();
        jdbc.execute("""
                create table if not exists bench_transactions (txn_id text not null, digest text not null,
                    body bytea not null, received_at timestamp not null, primary key (txn_id, digest))""");
        for (int size : new int[]{1, 10, 100}) {
            var baseline = throughput(size, this::rawInsertAndCommit);
            row("raw JDBC insert-and-commit of the transaction", size, baseline);
            var repeated = throughput(size, this::repeatedDelivery);
            row("repeated delivery (HTTP + token + JSON, no database)", size, repeated);
            var pushed = throughput(size, this::push);
            row("PUT /_matrix/app/v1/transactions (recorded)", size, pushed);
            report.add(String.format(Locale.ROOT, "  %3d events/txn: ack median %.2f ms vs raw insert %.2f ms (%.1fx)",
                    size, pushed.percentile(50), baseline.percentile(50), pushed.percentile(50) / baseline.percentile(50)));
        }
        for (int size : new int[]{1, 100}) {
            readModelLatency(size);
        }
        jdbc.execute("drop table bench_transactions");
        BenchmarkReport.print("appservice", "warm-up " + WARMUP.toSeconds() + " s, measured " + MEASURE.toSeconds()
                + " s per row, one transaction in flight", report);
    }

    /** A project room that the scripted homeserver provisioned, so the timeline read model keys to it. */
    private String matrixRoomOfAnActiveRoom() {
        var uuid = activeRoom("Appservice benchmark");
        return room(uuid).json().get("room_id").asString();
    }

    // --- the operations measured -------------------------------------------------------------

    /** A transaction as Synapse sends it: {@code size} messages of about 100 characters each. */
    private record Transaction(String txnId, String body, String lastEventId) {
    }

    private Transaction transaction(int size) {
        var txnId = "bench-" + UUID.randomUUID();
        var events = new StringBuilder("{\"events\": [");
        String last = null;
        long now = System.currentTimeMillis();
        for (int i = 0; i < size; i++) {
            last = "$" + UUID.randomUUID().toString().replace("-", "");
            if (i > 0) {
                events.append(',');
            }
            events.append("""
                    {"type": "m.room.message", "event_id": "%s", "room_id": "%s", "sender": "@alice:bench.test",
                     "origin_server_ts": %d, "unsigned": {"age": 12},
                     "content": {"msgtype": "m.text", "body": "message %d of a benchmark transaction, about a hundred characters long"}}"""
                    .formatted(last, matrixRoomId, now + i, i));
        }
        return new Transaction(txnId, events.append("]}").toString(), last);
    }

    private void push(Transaction txn) throws Exception {
        var response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/_matrix/app/v1/transactions/" + txn.txnId()))
                .header("Authorization", "Bearer " + HS_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(txn.body())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("transaction refused: " + response.statusCode() + " " + response.body());
        }
    }

    private Transaction delivered;

    /** The same transaction again and again: answered from the in-memory dedupe. */
    private void repeatedDelivery(Transaction ignored) throws Exception {
        push(delivered);
    }

    private void rawInsertAndCommit(Transaction txn) throws Exception {
        try (Connection c = dataSource.getConnection(); var insert = c.prepareStatement(
                "insert into bench_transactions (txn_id, digest, body, received_at) values (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            insert.setString(1, txn.txnId());
            insert.setString(2, txn.lastEventId());
            insert.setBytes(3, txn.body().getBytes(StandardCharsets.UTF_8));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            c.commit();
        }
    }

    // --- measuring ---------------------------------------------------------------------------

    private record Figures(int size, long count, double seconds, long[] nanos) {

        double perSecond() {
            return count / seconds;
        }

        double percentile(int p) {
            return nanos[(int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1)] / 1e6;
        }
    }

    /** One transaction in flight: warm-up, then as many as fit into the measured time. */
    private Figures throughput(int size, Op op) throws Exception {
        delivered = transaction(size);
        push(delivered);
        run(size, op, WARMUP);
        return run(size, op, MEASURE);
    }

    private Figures run(int size, Op op, Duration duration) throws Exception {
        // transactions are built before they are timed: building JSON is the homeserver's work
        var latencies = new long[1 << 20];
        int n = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var next = transaction(size);
        while (System.nanoTime() < end && n < latencies.length) {
            long t0 = System.nanoTime();
            op.run(next);
            latencies[n++] = System.nanoTime() - t0;
            next = transaction(size);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Figures(size, n, seconds, sorted);
    }

    /** From the 200 OK until the transaction's last event can be read from the room timeline. */
    private void readModelLatency(int size) throws Exception {
        var nanos = new long[LATENCY_SAMPLES];
        var random = new Random(42);
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            // a pause of 0-100 ms: transactions arrive at any moment of the processor's polling cycle,
            // not in step with it (as they would right after the previous one was handled)
            Thread.sleep(random.nextInt(100));
            var txn = transaction(size);
            push(txn);
            long acknowledged = System.nanoTime();
            while (jdbc.queryForObject("select count(*) from room_timeline where matrix_event_id = ?", Integer.class,
                    txn.lastEventId()) == 0) {
                if (System.nanoTime() - acknowledged > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("event not in the timeline after 30 s");
                }
            }
            nanos[i] = System.nanoTime() - acknowledged;
        }
        Arrays.sort(nanos);
        var figures = new Figures(size, LATENCY_SAMPLES, 0, nanos);
        report.add(String.format(Locale.ROOT,
                "acknowledgement -> room timeline, %3d events/txn: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d samples)",
                size, figures.percentile(50), figures.percentile(95), figures.percentile(99), LATENCY_SAMPLES));
    }

    private void row(String what, int size, Figures f) {
        report.add(String.format(Locale.ROOT,
                "%-55s %3d ev/txn %,8.0f txn/s %,9.0f ev/s  p50 %6.2f  p95 %6.2f  p99 %6.2f ms",
                what, size, f.perSecond(), f.perSecond() * size, f.percentile(50), f.percentile(95),
                f.percentile(99)));
    }

    @FunctionalInterface
    interface Op {
        void run(Transaction txn) throws Exception;
    }
}
