package io.roomservice.infra.bench;

import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room's history export against the local Synapse, measured by hand (scripts/benchmark.sh exports),
 * never in the suite. For each size (-Dbench.messages, default 5000,20000) a room gets that many
 * messages posted through the client-server API; then B, the baseline in the same run: the room's
 * {@code /messages} paged forwards with the export's page size by a bare client; then A: the export
 * over the API, from the request to {@code completed}; then B again (the mean of both B runs is the
 * baseline, so neither side has Synapse's caches to itself). The heap: the peak of the heap pools
 * while A runs, after a collection and a reset of the peaks before it (garbage included); then, untimed,
 * a second export with a full collection every 200 ms: the largest live heap, what the export holds.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${ROOMSERVICE_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/roomservice_bench}",
        "roomservice.exports.directory=target/exports-bench",
        "logging.level.io.roomservice=WARN"})
class ExportBenchmark extends SynapseLinkedTest {

    private static final int PAGE = 1000;

    @Test
    void anExportNextToRawPagingOfTheSameRoom() throws Exception {
        var report = new StringBuilder("\n===== roomservice export benchmark =====\n");
        for (String size : System.getProperty("bench.messages", "5000,20000").split(",")) {
            report.append(measure(Integer.parseInt(size.trim())));
        }
        System.out.println(report.append("=====").toString());
    }

    private String measure(int messages) throws Exception {
        String project = registerProject("Export benchmark " + messages);
        String room = createRoom(project);
        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        long postStart = System.nanoTime();
        post(matrixRoomId, messages);
        double postSeconds = seconds(postStart);

        double b1 = rawPaging(matrixRoomId, messages);

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapUsed();
        long startA = System.nanoTime();
        export(room, messages, () -> { });
        double a = seconds(startA);
        long heapPeak = heapPeak();

        double b2 = rawPaging(matrixRoomId, messages);
        double b = (b1 + b2) / 2;

        // the live heap, untimed: a second export with a full collection before each look at the heap,
        // so what is measured is what the export holds, not the garbage it left
        System.gc();
        long liveBefore = heapUsed();
        long[] liveMax = {liveBefore};
        export(room, messages, () -> {
            System.gc();
            liveMax[0] = Math.max(liveMax[0], heapUsed());
        });
        return String.format(Locale.ROOT, """
                messages in the room:                 %d (posted in %.1f s)
                B  raw /messages paging (page %d):  %.2f s and %.2f s, mean %.2f s
                A  export, request to completed:      %.2f s
                ratio A / B:                          %.2f
                heap: used before %d MB, peak while exporting %d MB (+%d MB)
                live heap (after a full collection every 200 ms of a second export): before %d MB, max %d MB (+%d MB)
                """, messages, postSeconds, PAGE, b1, b2, b, a, a / b, mb(heapBefore), mb(heapPeak),
                mb(heapPeak - heapBefore), mb(liveBefore), mb(liveMax[0]), mb(liveMax[0] - liveBefore));
    }

    /** Asks for an export of the room and waits for it to complete, running {@code look} every 200 ms. */
    private void export(String room, int messages, Runnable look) throws InterruptedException {
        var asked = api.post("/api/matrix/rooms/" + room + "/export_history/", TestTokens.staff(), null);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String export = asked.json().get("uuid").asString();
        long start = System.nanoTime();
        long lastLook = start;
        while (true) {
            var answer = api.get("/api/matrix/exports/" + export + "/", TestTokens.staff());
            var state = answer.json();
            if (answer.status() == 404) {
                // the exports list has not caught up with the request yet
            } else if ("completed".equals(state.get("state").asString())) {
                assertThat(state.get("message_count").asLong()).isGreaterThanOrEqualTo(messages);
                return;
            } else {
                assertThat(state.get("state").asString()).as(state.toString()).isNotEqualTo("failed");
            }
            Thread.sleep(20);
            if (System.nanoTime() - lastLook > 200_000_000L) {
                look.run();
                lastLook = System.nanoTime();
            }
            if (seconds(start) > 600) {
                throw new AssertionError("The export did not finish within 10 minutes");
            }
        }
    }

    /** Posts the messages as the bot, a few at a time. */
    private void post(String matrixRoomId, int count) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(senders.submit(() -> matrix("PUT", "/_matrix/client/v3/rooms/" + encode(matrixRoomId)
                        + "/send/m.room.message/bench-" + run + "-" + n, asToken,
                        "{\"msgtype\": \"m.text\", \"body\": \"Benchmark message " + n + " of a long history\"}")));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private double rawPaging(String matrixRoomId, int atLeast) {
        MatrixClient client = new MatrixClient(link.current());
        long start = System.nanoTime();
        long events = 0;
        String from = null;
        do {
            var page = client.messagesForward(matrixRoomId, from, PAGE);
            events += page.chunk().size();
            from = page.chunk().isEmpty() ? null : page.end();
        } while (from != null);
        double took = seconds(start);
        assertThat(events).isGreaterThanOrEqualTo(atLeast);
        return took;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
