package io.roomservice.infra.bench;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Area presence against the local Synapse, measured by hand (scripts/benchmark.sh worlds), never in the
 * suite. {@code bench.people} people (200) enter one of 20 areas each over one minute and leave 5 to 14 s
 * later. A: through roomservice (POST enter / leave); B, the baseline, at the same moments in 20 rooms
 * of the same settings: the bare Synapse calls (the bot's invite and the person's join; the bot's kick).
 * Latency runs from the call's start to the {@code origin_server_ts} of the person's membership event
 * (one machine, one clock), read afterwards from each room's history, so nothing polls during the run.
 * People are appservice users (joined by identity assertion); each enters a warm-up area once first, as
 * a person's first enter also registers their account.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${ROOMSERVICE_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/roomservice_bench}",
        "roomservice.scheduler.threads=${bench.scheduler-threads:4}",
        "logging.level.io.roomservice=WARN"})
class WorldPresenceBenchmark extends SynapseLinkedTest {

    private static final int PEOPLE = Integer.getInteger("bench.people", 200);
    private static final int AREAS = 20;
    private static final long SPREAD_MS = 60_000;

    private record Visit(String userId, UUID person, int area, long enterAt, long leaveAt) {
    }

    private final Map<String, Long> enterStarted = new ConcurrentHashMap<>();
    private final Map<String, Long> leaveStarted = new ConcurrentHashMap<>();

    @Test
    void enterAndLeaveThroughRoomserviceNextToTheBareSynapseCalls() throws Exception {
        String tag = SynapseTestBed.randomHex(3);
        String world = UUID.randomUUID().toString();
        host("PUT", "/api/host/worlds/" + world + "/", "{\"organisation\": \"bench\", \"slug\": \"" + tag
                + "\", \"name\": \"Benchmark\"}");
        String hall = area(world, "Hall");
        List<String> areas = new ArrayList<>();
        List<String> areaRooms = new ArrayList<>();
        List<String> bareRooms = new ArrayList<>();
        for (int i = 0; i < AREAS; i++) {
            areas.add(area(world, "Area " + i));
            bareRooms.add(bareRoom("bare " + i));
        }
        areas.forEach(area -> areaRooms.add(matrixRoomOf(area)));
        String hallRoom = matrixRoomOf(hall);

        List<Visit> ours = new ArrayList<>();
        List<Visit> bare = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            long enterAt = i * SPREAD_MS / PEOPLE;
            long leaveAt = enterAt + 5_000 + (i % 10) * 1_000L;
            UUID person = UUID.randomUUID();
            String ourId = "@rs-wab-" + tag + "-" + i + ":" + synapse.serverName();
            host("PUT", "/api/members/" + person + "/chatId", "{\"chatId\": \"" + ourId + "\"}");
            ours.add(new Visit(ourId, person, i % AREAS, enterAt, leaveAt));
            String bareId = "@rs-wbb-" + tag + "-" + i + ":" + synapse.serverName();
            matrix("POST", "/_matrix/client/v3/register", asToken, "{\"type\": \"m.login.application_service\", "
                    + "\"username\": \"" + bareId.substring(1, bareId.indexOf(':')) + "\"}");
            bare.add(new Visit(bareId, null, i % AREAS, enterAt, leaveAt));
        }
        // warm-up: every person's first enter (which registers their account), and the JIT
        for (Visit visit : ours) {
            presence(world, hall, visit.person(), "enter");
        }
        for (Visit visit : ours) {
            presence(world, hall, visit.person(), "leave");
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                ours.stream().allMatch(visit -> "leave".equals(membership(hallRoom, visit.userId()))));

        ScheduledExecutorService clock = Executors.newScheduledThreadPool(32);
        long start = System.currentTimeMillis() + 1_000;
        for (int i = 0; i < PEOPLE; i++) {
            Visit our = ours.get(i);
            Visit plain = bare.get(i);
            String area = areas.get(our.area());
            String bareRoom = bareRooms.get(plain.area());
            at(clock, start + our.enterAt(), () -> {
                enterStarted.put(our.userId(), System.currentTimeMillis());
                presence(world, area, our.person(), "enter");
            });
            at(clock, start + plain.enterAt(), () -> {
                enterStarted.put(plain.userId(), System.currentTimeMillis());
                matrix("POST", room(bareRoom, "/invite"), asToken, "{\"user_id\": \"" + plain.userId() + "\"}");
                matrix("POST", room(bareRoom, "/join") + "?user_id=" + encode(plain.userId()), asToken, "{}");
            });
            at(clock, start + our.leaveAt(), () -> {
                leaveStarted.put(our.userId(), System.currentTimeMillis());
                presence(world, area, our.person(), "leave");
            });
            at(clock, start + plain.leaveAt(), () -> {
                leaveStarted.put(plain.userId(), System.currentTimeMillis());
                matrix("POST", room(bareRoom, "/kick"), asToken, "{\"user_id\": \"" + plain.userId() + "\"}");
            });
        }
        clock.shutdown();
        assertThat(clock.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        // roomservice's queue may still be working through a backlog: wait for its last kick (at most 5 minutes);
        // a kick still missing then counts as missed
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).until(() -> ours.stream()
                    .allMatch(visit -> "leave".equals(membership(areaRooms.get(visit.area()), visit.userId()))));
        } catch (org.awaitility.core.ConditionTimeoutException missed) {
            System.out.println("Not every kick came within 5 minutes of the last leave");
        }

        var ourTimes = times(ours, areaRooms);
        var bareTimes = times(bare, bareRooms);
        BenchmarkReport.print("worlds presence", "%d people, %d areas, enters spread over %d s, stays 5-14 s, %s scheduler threads"
                .formatted(PEOPLE, AREAS, SPREAD_MS / 1000, System.getProperty("bench.scheduler-threads", "4")), List.of(
                line("A  POST enter  -> joined in Synapse", ourTimes[0]),
                line("B  invite + join (bare) -> joined", bareTimes[0]),
                line("A  POST leave  -> left (kicked) in Synapse", ourTimes[1]),
                line("B  kick (bare) -> left", bareTimes[1]),
                String.format(Locale.ROOT, "overhead A - B: enter p50 %.0f ms, p95 %.0f ms; leave p50 %.0f ms, p95 %.0f ms",
                        percentile(ourTimes[0], 50) - percentile(bareTimes[0], 50),
                        percentile(ourTimes[0], 95) - percentile(bareTimes[0], 95),
                        percentile(ourTimes[1], 50) - percentile(bareTimes[1], 50),
                        percentile(ourTimes[1], 95) - percentile(bareTimes[1], 95)),
                "missed: A %d joins, %d kicks; B %d joins, %d kicks".formatted(PEOPLE - ourTimes[0].length,
                        PEOPLE - ourTimes[1].length, PEOPLE - bareTimes[0].length, PEOPLE - bareTimes[1].length)));
    }

    /** [0]: ms from each enter's start to the join; [1]: from each leave's start to the leave. */
    private double[][] times(List<Visit> visits, List<String> rooms) {
        List<Double> joins = new ArrayList<>();
        List<Double> leaves = new ArrayList<>();
        Map<String, List<JsonNode>> membersByUser = new ConcurrentHashMap<>();
        for (String room : rooms) {
            String filter = encode("{\"types\": [\"m.room.member\"]}");
            JsonNode page = matrix("GET", room(room, "/messages") + "?dir=b&limit=1000&filter=" + filter, asToken, null);
            page.path("chunk").forEach(event -> membersByUser.computeIfAbsent(event.path("state_key").asString(""),
                    user -> new ArrayList<>()).add(event));
        }
        for (Visit visit : visits) {
            List<JsonNode> events = membersByUser.getOrDefault(visit.userId(), List.of());
            Long entered = enterStarted.get(visit.userId());
            Long left = leaveStarted.get(visit.userId());
            firstAfter(events, "join", entered).ifPresent(ts -> joins.add((double) (ts - entered)));
            firstAfter(events, "leave", left).ifPresent(ts -> leaves.add((double) (ts - left)));
        }
        return new double[][] {joins.stream().mapToDouble(Double::doubleValue).toArray(),
                leaves.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static java.util.Optional<Long> firstAfter(List<JsonNode> events, String membership, Long since) {
        if (since == null) {
            return java.util.Optional.empty();
        }
        return events.stream().filter(e -> membership.equals(e.path("content").path("membership").asString("")))
                .map(e -> e.path("origin_server_ts").asLong()).filter(ts -> ts >= since - 5).min(Long::compare);
    }

    private void at(ScheduledExecutorService clock, long when, Runnable call) {
        clock.schedule(call, Math.max(0, when - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    private String area(String world, String name) {
        String area = UUID.randomUUID().toString();
        host("PUT", "/api/host/worlds/" + world + "/rooms/" + area + "/", "{\"kind\": \"area\", \"name\": \"" + name + "\"}");
        return area;
    }

    /** A room as the areas are made (invite only, history since joining), created by the bot directly. */
    private String bareRoom(String name) {
        return matrix("POST", "/_matrix/client/v3/createRoom", asToken, """
                {"name": "%s", "preset": "private_chat", "initial_state": [{"type": "m.room.history_visibility",
                 "state_key": "", "content": {"history_visibility": "joined"}}],
                 "power_level_content_override": {"invite": 100, "ban": 50, "kick": 50}}""".formatted(name))
                .get("room_id").asString();
    }

    private String matrixRoomOf(String place) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from cmd_world_places where place_id = ? and matrix_room_id is not null",
                Integer.class, UUID.fromString(place)) == 1);
        return jdbc.queryForObject("select matrix_room_id from cmd_world_places where place_id = ?", String.class,
                UUID.fromString(place));
    }

    private String membership(String roomId, String userId) {
        var response = matrixCall("GET", room(roomId, "/state/m.room.member/" + encode(userId)), asToken, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("membership").asString() : "none";
    }

    private void presence(String world, String area, UUID person, String action) {
        var response = api.post("/api/host/worlds/" + world + "/areas/" + area + "/" + action + "/", TestTokens.host(),
                "{\"person\": \"" + person + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private void host(String method, String path, String body) {
        var response = method.equals("PUT") ? api.put(path, TestTokens.host(), body) : api.post(path, TestTokens.host(), body);
        assertThat(response.status()).as(path + ": " + response.body()).isIn(200, 202);
    }

    private static String room(String roomId, String rest) {
        return "/_matrix/client/v3/rooms/" + encode(roomId) + rest;
    }

    private static String line(String what, double[] ms) {
        return String.format(Locale.ROOT, "%-44s n %3d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms", what, ms.length,
                percentile(ms, 50), percentile(ms, 95), Arrays.stream(ms).max().orElse(0));
    }

    private static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
