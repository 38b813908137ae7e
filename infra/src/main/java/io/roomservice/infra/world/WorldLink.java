package io.roomservice.infra.world;

import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.homeserver.MatrixResponse;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * One homeserver link for the length of one call of {@link MatrixWorldHomeserver}: the bot, the
 * homeserver's domain, and the few Client-Server calls worlds make more than once.
 */
final class WorldLink {

    private static final String V3 = "/_matrix/client/v3";

    private final MatrixConnections.Connection connection;
    final MatrixIdentity bot;

    WorldLink(MatrixConnections.Connection connection) {
        this.connection = connection;
        this.bot = connection.client().appservice();
    }

    String homeserverUrl() {
        return connection.properties().homeserverUrl();
    }

    String domain() {
        return connection.homeserver().domain();
    }

    String bot() {
        return connection.homeserver().botUserId();
    }

    String alias(String kind, String uuid) {
        return connection.properties().aliasPrefix() + "-" + kind + "-" + uuid.replace("-", "");
    }

    boolean inNamespace(String userId) {
        return userId.startsWith("@" + connection.properties().aliasPrefix() + "-") && isLocal(userId);
    }

    boolean isLocal(String userId) {
        return userId.endsWith(":" + domain());
    }

    void registerNamespaceUser(String userId) {
        connection.client().registerAppserviceUser(userId.substring(1, userId.indexOf(':')));
    }

    Map<String, Object> roomBody(String name, String aliasLocalpart, Map<String, Object> creation,
                                 List<Map<String, Object>> state, Map<String, Object> power, List<String> invite) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room_version", connection.properties().roomVersion());
        body.put("name", name);
        body.put("room_alias_name", aliasLocalpart);
        body.put("visibility", "private");
        body.put("preset", "private_chat");
        body.put("creation_content", creation);
        body.put("initial_state", state);
        body.put("power_level_content_override", power);
        body.put("invite", invite);
        return body;
    }

    /** The room behind the alias, or a new one; a concurrent creation that took the alias is found. */
    String findOrCreate(String aliasLocalpart, Map<String, Object> body) {
        connection.client().registerAppserviceUser(connection.properties().senderLocalpart());
        String alias = "#" + aliasLocalpart + ":" + domain();
        Optional<String> existing = connection.client().resolveAlias(alias);
        if (existing.isPresent()) {
            return existing.get();
        }
        MatrixResponse created = bot.post(V3 + "/createRoom", body);
        if (created.is(400, "M_ROOM_IN_USE") || created.status() == 409) {
            return connection.client().resolveAlias(alias).orElseThrow(created::failure);
        }
        return created.expect(JsonNode.class).path("room_id").asString();
    }

    void putState(String roomId, String type, String stateKey, Map<String, Object> content) {
        bot.put(V3 + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/" + segment(stateKey), content)
                .expect(Void.class);
    }

    /** Read-modify-write of the person's own level; {@code level} null removes it. Nothing when equal. */
    @SuppressWarnings("unchecked")
    void setPower(String roomId, String userId, Integer level) {
        String path = V3 + "/rooms/" + segment(roomId) + "/state/m.room.power_levels/";
        Map<String, Object> content = bot.get(path).expect(Map.class);
        Map<String, Object> users = new LinkedHashMap<>((Map<String, Object>) content.getOrDefault("users", Map.of()));
        Object current = users.get(userId);
        if (level == null ? current == null : current instanceof Number n && n.intValue() == level) {
            return;
        }
        if (level == null) {
            users.remove(userId);
        } else {
            users.put(userId, level);
        }
        Map<String, Object> changed = new LinkedHashMap<>(content);
        changed.put("users", users);
        bot.put(path, changed).expect(Void.class);
    }
}
