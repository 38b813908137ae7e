package io.roomservice.infra.bench;

import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.reconciliation.Reconciliation;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation of group rooms against the local Synapse, measured by hand (scripts/benchmark.sh
 * reconciliation), never in the suite. N groups (2N rooms, one member each) are set up through the host
 * API. A1: a reconciliation run when every room is as the events say (the steady state). B1: the calls
 * such a run must make at minimum, made directly one after the other with the same transport: per group
 * both aliases resolved, both rooms' state read, the public room's directory listing read. A2: a run
 * after 1 % of the rooms drifted (their alias deleted behind roomservice's back), until the aliases lead
 * to their rooms again. B2: the same drift, repaired directly: B1's reads plus one alias binding each.
 * The test profile's guard fails any homeserver call made inside a database transaction.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${ROOMSERVICE_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/roomservice_bench}",
        "logging.level.io.roomservice=WARN", "roomservice.reconciliation.enabled=false"})
class ReconciliationBenchmark extends SynapseLinkedTest {

    private static final int GROUPS = Integer.getInteger("bench.groups", 500);
    private static final String V3 = "/_matrix/client/v3";

    @Autowired
    Reconciliation reconciliation;

    @Test
    void reconciliationOfAllGroupRoomsNextToTheCallsItMustMake() {
        synapse.startFresh(); // roomservice's Synapse admin account (it binds the aliases) is registered anew
        String run = SynapseTestBed.randomHex(3);
        String person = UUID.randomUUID().toString();
        assertThat(api.put("/api/host/group-people/" + person + "/", TestTokens.host(),
                "{\"slug\": \"bench-" + run + "\"}").status()).isEqualTo(202);
        long setupStart = System.nanoTime();
        for (int i = 0; i < GROUPS; i++) {
            String group = UUID.randomUUID().toString();
            String slug = "bench-" + run + "-" + i;
            assertThat(api.put("/api/host/groups/" + group + "/", TestTokens.host(), """
                    {"slug": "%s", "name": "Bench %d", "url": "https://example.org/%s/"}""".formatted(slug, i, slug))
                    .status()).isEqualTo(202);
            assertThat(api.put("/api/host/groups/" + group + "/members/" + person + "/", TestTokens.host(), null)
                    .status()).isEqualTo(202);
        }
        waitUntil(Duration.ofMinutes(60), () -> count("select count(*) from group_room_invitations") == 2L * GROUPS);
        double setupSeconds = seconds(setupStart);
        reconciliation.run(true); // warm-up
        List<Map<String, Object>> groups = jdbc.queryForList(
                "select slug, public_room_id, private_room_id from group_rooms order by group_id");
        MatrixIdentity bot = new MatrixClient(link.current()).appservice();
        String domain = synapse.serverName();

        long a1Start = System.nanoTime();
        var steady = reconciliation.run(false);
        double a1 = seconds(a1Start);
        assertThat(steady.differences()).isEmpty();
        long b1Start = System.nanoTime();
        groups.forEach(g -> readAsAReconciliationMust(bot, g, domain));
        double b1 = seconds(b1Start);

        String admin = JSON.readTree(synapse.registerAdmin("bench-admin-" + run, "bench-password"))
                .get("access_token").asString();
        List<Map<String, Object>> drifted = groups.subList(0, Math.max(1, groups.size() / 50)); // 1 % of the rooms
        drifted.forEach(g -> deleteAlias(admin, g, domain));
        long a2Start = System.nanoTime();
        var repaired = reconciliation.run(false);
        double a2Detect = seconds(a2Start);
        assertThat(repaired.differences()).hasSize(drifted.size());
        waitUntil(Duration.ofMinutes(10), () -> drifted.stream().allMatch(g -> aliasLeadsBack(g, domain)));
        double a2 = seconds(a2Start);

        drifted.forEach(g -> deleteAlias(admin, g, domain));
        long b2Start = System.nanoTime();
        groups.forEach(g -> readAsAReconciliationMust(bot, g, domain));
        drifted.forEach(g -> matrix("PUT", V3 + "/directory/room/" + encode(alias(g, domain)), admin,
                "{\"room_id\": \"" + g.get("public_room_id") + "\"}"));
        double b2 = seconds(b2Start);

        BenchmarkReport.print("reconciliation", "groups " + GROUPS + " (" + 2 * GROUPS + " rooms), one member each",
                List.of(String.format(Locale.ROOT, "set-up through the host API:            %.1f s", setupSeconds),
                        String.format(Locale.ROOT, "A1 steady state, reconciliation run:    %.2f s", a1),
                        String.format(Locale.ROOT, "B1 its minimal calls made directly:     %.2f s (%d calls)", b1,
                                5 * groups.size()),
                        String.format(Locale.ROOT, "A1 / B1:                                %.2f", a1 / b1),
                        String.format(Locale.ROOT, "A2 1 %% drift (%d aliases): run %.2f s, repaired after %.2f s",
                                drifted.size(), a2Detect, a2),
                        String.format(Locale.ROOT, "B2 minimal calls, reads and bindings:   %.2f s", b2),
                        String.format(Locale.ROOT, "A2 / B2:                                %.2f", a2 / b2)));
    }

    private static void readAsAReconciliationMust(MatrixIdentity bot, Map<String, Object> group, String domain) {
        String slug = (String) group.get("slug");
        // an alias of a drifted room answers 404, as it does to the reconciliation
        bot.get(V3 + "/directory/room/" + segment("#" + slug + ":" + domain));
        bot.get(V3 + "/directory/room/" + segment("#" + slug + "-private:" + domain));
        bot.get(V3 + "/rooms/" + segment((String) group.get("public_room_id")) + "/state").expect(JsonNode.class);
        bot.get(V3 + "/rooms/" + segment((String) group.get("private_room_id")) + "/state").expect(JsonNode.class);
        bot.get(V3 + "/directory/list/room/" + segment((String) group.get("public_room_id"))).expect(JsonNode.class);
    }

    private static String alias(Map<String, Object> group, String domain) {
        return "#" + group.get("slug") + ":" + domain;
    }

    private void deleteAlias(String admin, Map<String, Object> group, String domain) {
        matrix("DELETE", V3 + "/directory/room/" + encode(alias(group, domain)), admin, null);
    }

    private boolean aliasLeadsBack(Map<String, Object> group, String domain) {
        var response = matrixCall("GET", V3 + "/directory/room/" + encode(alias(group, domain)), asToken, null);
        return response.statusCode() == 200 && response.body().contains((String) group.get("public_room_id"));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void waitUntil(Duration atMost, java.util.function.BooleanSupplier done) {
        long end = System.nanoTime() + atMost.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not done within " + atMost);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
