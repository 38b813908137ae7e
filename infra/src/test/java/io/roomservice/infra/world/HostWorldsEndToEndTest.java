package io.roomservice.infra.world;

import io.roomservice.api.world.WorldPersonIds;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's world calls over HTTP (the homeserver scripted): repeats record nothing and answer 200,
 * bad input is problem+json and records nothing, and enter, leave and heartbeat answer what they did.
 */
class HostWorldsEndToEndTest extends EndToEndTest {

    private String world() {
        String world = UUID.randomUUID().toString();
        assertThat(api.put("/api/host/worlds/" + world + "/", TestTokens.host(),
                "{\"organisation\": \"acme\", \"slug\": \"hq\", \"name\": \"Headquarters\"}").status()).isEqualTo(202);
        return world;
    }

    private String area(String world) {
        String area = UUID.randomUUID().toString();
        assertThat(api.put("/api/host/worlds/" + world + "/rooms/" + area + "/", TestTokens.host(),
                "{\"kind\": \"area\", \"name\": \"Desk\", \"tags\": [\"b\", \"a\", \"a\"]}").status()).isEqualTo(202);
        return area;
    }

    private Api.Response presence(String world, String area, UUID person, String action) {
        return api.post("/api/host/worlds/" + world + "/areas/" + area + "/" + action, TestTokens.host(),
                "{\"person\": \"" + person + "\"}");
    }

    @Test
    void aRepeatedWorldOrRoomRecordsNothing() {
        String world = world();
        var again = api.put("/api/host/worlds/" + world + "/", TestTokens.host(),
                "{\"organisation\": \"acme\", \"slug\": \"hq\", \"name\": \"Headquarters\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("unchanged");
        String area = area(world);
        long events = eventsOf(world);
        var sameTags = api.put("/api/host/worlds/" + world + "/rooms/" + area + "/", TestTokens.host(),
                "{\"kind\": \"area\", \"name\": \"Desk\", \"tags\": [\"a\", \"b\"]}");
        assertThat(sameTags.status()).as("the same tags in another order, once each").isEqualTo(200);
        assertThat(eventsOf(world)).isEqualTo(events);
    }

    @Test
    void badInputIsRefusedWithProblemJsonAndRecordsNothing() {
        String world = UUID.randomUUID().toString();
        expectProblem(api.put("/api/host/worlds/" + world + "/", TestTokens.host(),
                "{\"organisation\": \"acme\", \"name\": \"No slug\"}"), 400, "invalid-field");
        expectProblem(api.put("/api/host/worlds/" + world + "/", TestTokens.host(),
                "{\"organisation\": \"ac me\", \"slug\": \"hq\", \"name\": \"Bad slug\"}"), 400, "invalid-field");
        assertThat(eventsOf(world)).isZero();

        String known = world();
        expectProblem(api.put("/api/host/worlds/" + known + "/rooms/" + UUID.randomUUID() + "/", TestTokens.host(),
                "{\"kind\": \"hall\", \"name\": \"Hall\"}"), 400, "invalid-field");
        expectProblem(api.put("/api/host/worlds/" + known + "/rooms/" + UUID.randomUUID() + "/", TestTokens.host(),
                "{\"kind\": \"map\", \"name\": \"Hall\", \"tags\": [\"a|b\"]}"), 400, "invalid-field");
        expectProblem(api.put("/api/host/worlds/" + UUID.randomUUID() + "/rooms/" + UUID.randomUUID() + "/",
                TestTokens.host(), "{\"kind\": \"map\", \"name\": \"Hall\"}"), 404, "unknown-world");
        expectProblem(api.put("/api/host/worlds/" + known + "/", TestTokens.host(),
                "{\"organisation\": \"acme\", \"slug\": \"paris\", \"name\": \"Headquarters\"}"), 409, "world-slugs-fixed");
        UUID person = UUID.randomUUID();
        expectProblem(api.put("/api/members/" + person + "/chatId", TestTokens.host(), "{\"chatId\": \"alice\"}"),
                400, "invalid-field");
        expectProblem(api.put("/api/members/" + person + "/chatId", TestTokens.host(),
                "{\"chatId\": \"@alice:example.org\", \"userIdentifier\": \"someone-else\"}"), 400, "invalid-field");
        expectProblem(api.put("/api/members/" + person + "/chatId", TestTokens.host(),
                "{\"chat_id\": \"@alice:example.org\", \"room_url\": \"a\\u0000b\"}"), 400, "invalid-field");
        assertThat(eventsOf(WorldPersonIds.of(new UserId(person)))).isZero();
    }

    @Test
    void theSeedsCamelCaseAndTheApisSnakeCaseBothLinkAMatrixId() {
        UUID person = UUID.randomUUID();
        var seed = api.put("/api/members/" + person + "/chatId", TestTokens.host(), "{\"chatId\": \"@alice:example.org\", "
                + "\"userIdentifier\": \"" + person + "\", \"roomUrl\": \"https://play.example/_/global/map.json\"}");
        assertThat(seed.status()).as(seed.body()).isEqualTo(202);
        var snake = api.put("/api/members/" + person + "/chatId", TestTokens.host(), "{\"chat_id\": \"@alice:example.org\"}");
        assertThat(snake.status()).as("the same id again").isEqualTo(200);
        var changed = api.put("/api/members/" + person + "/chatId", TestTokens.host(), "{\"chat_id\": \"@ada:example.org\"}");
        assertThat(changed.status()).isEqualTo(202);
        assertThat(changed.json().get("outcome").asString()).isEqualTo("linked");
    }

    @Test
    void enterLeaveAndHeartbeatAnswerWhatTheyDid() {
        String world = world();
        String area = area(world);
        UUID person = UUID.randomUUID();

        assertThat(presence(world, area, person, "leave").json().get("outcome").asString())
                .as("a leave of someone never seen").isEqualTo("unchanged");
        var entered = presence(world, area, person, "enter");
        assertThat(entered.status()).isEqualTo(202);
        assertThat(entered.json().get("outcome").asString()).isEqualTo("entered");
        assertThat(presence(world, area, person, "enter").json().get("outcome").asString()).isEqualTo("renewed");
        var heartbeat = api.post("/api/host/worlds/" + world + "/presence/heartbeat", TestTokens.host(),
                "{\"person\": \"" + person + "\"}");
        assertThat(heartbeat.status()).isEqualTo(202);
        assertThat(presence(world, area, person, "leave").json().get("outcome").asString()).isEqualTo("left");
        var again = presence(world, area, person, "leave");
        assertThat(again.status()).isEqualTo(200);

        String map = UUID.randomUUID().toString();
        api.put("/api/host/worlds/" + world + "/rooms/" + map + "/", TestTokens.host(), "{\"kind\": \"map\", \"name\": \"Hall\"}");
        expectProblem(presence(world, map, person, "enter"), 409, "not-an-area");
        expectProblem(presence(world, UUID.randomUUID().toString(), person, "enter"), 404, "unknown-area");
        assertThat(api.delete("/api/host/worlds/" + world + "/rooms/" + area + "/", TestTokens.host()).status())
                .isEqualTo(202);
        expectProblem(presence(world, area, person, "enter"), 404, "unknown-area");

        var audit = api.get("/api/audit/worlds/people/" + person + "/events", TestTokens.auditor());
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        var types = new java.util.ArrayList<String>();
        audit.json().get("events").forEach(event -> types.add(event.get("type").asString()));
        assertThat(types).as("who was in which area when").containsExactly("AreaEntered", "PresenceRenewed",
                "PresenceRenewed", "AreaLeft");
    }
}
