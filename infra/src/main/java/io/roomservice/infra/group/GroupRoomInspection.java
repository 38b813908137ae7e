package io.roomservice.infra.group;

import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.homeserver.MatrixResponse;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * Reads one group room as the bot, without changing anything: its alias, its whole state in one call, and
 * (public room) its directory listing. What differs from its {@link GroupRoomSpec} is in the findings.
 */
class GroupRoomInspection {

    /** A member's state: {@code join}, {@code invite}, {@code leave}, {@code ban}, and who set it. */
    record Membership(String membership, String sender) {
    }

    /** How the room is, against how it should be. */
    record Findings(boolean aliasOk, boolean canonicalAliasOk, boolean nameOk, boolean topicOk, boolean listedOk,
                    boolean usersDefaultOk, Map<String, Membership> members, Map<String, Integer> levels,
                    int usersDefault) {

        int levelOf(String matrixUserId) {
            return levels.getOrDefault(matrixUserId, usersDefault);
        }
    }

    private final MatrixIdentity bot;

    GroupRoomInspection(MatrixIdentity bot) {
        this.bot = bot;
    }

    Optional<String> resolve(String alias) {
        MatrixResponse response = bot.get(MatrixGroupHomeserver.CLIENT_V3 + "/directory/room/" + segment(alias));
        if (response.is(404, "M_NOT_FOUND")) {
            return Optional.empty();
        }
        return Optional.ofNullable(response.expect(MatrixGroupHomeserver.RoomAnswer.class).roomId());
    }

    Findings inspect(String roomId, GroupRoomSpec spec, String alias) {
        boolean aliasOk = resolve(alias).map(roomId::equals).orElse(false);
        String canonical = null;
        String name = null;
        String topic = null;
        int usersDefault = 0;
        Map<String, Membership> members = new LinkedHashMap<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        JsonNode state = bot.get(MatrixGroupHomeserver.CLIENT_V3 + "/rooms/" + segment(roomId) + "/state")
                .expect(JsonNode.class);
        for (JsonNode event : state) {
            JsonNode content = event.path("content");
            switch (event.path("type").asString("")) {
                case "m.room.canonical_alias" -> canonical = content.path("alias").asString(null);
                case "m.room.name" -> name = content.path("name").asString(null);
                case "m.room.topic" -> topic = content.path("topic").asString(null);
                case "m.room.member" -> members.put(event.path("state_key").asString(""),
                        new Membership(content.path("membership").asString(""), event.path("sender").asString("")));
                case "m.room.power_levels" -> {
                    usersDefault = content.path("users_default").asInt(0);
                    content.path("users").properties().forEach(e -> levels.put(e.getKey(), e.getValue().asInt(0)));
                }
                default -> { }
            }
        }
        boolean listedOk = !spec.isPublic() || "public".equals(bot.get(MatrixGroupHomeserver.CLIENT_V3
                + "/directory/list/room/" + segment(roomId)).expect(MatrixGroupHomeserver.Visibility.class).visibility());
        return new Findings(aliasOk, alias.equals(canonical), spec.name().equals(name), spec.topic().equals(topic),
                listedOk, usersDefault >= spec.usersDefault(), members, levels, usersDefault);
    }
}
