package io.roomservice.infra.deployment;

import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.homeserver.MatrixResponse;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.deployment.DeploymentHomeserver;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * The deployment's homeserver calls, made as roomservice's Synapse admin account: it creates the
 * catalogue (so it is in every room, as Synapse's admin join needs) and uses the admin API for joins,
 * deactivation and its own rate limit.
 */
class DeploymentMatrix implements DeploymentHomeserver {

    private static final String CLIENT = "/_matrix/client/v3";
    private static final String ADMIN = "/_synapse/admin";

    private record WhoAmI(String userId) {
    }

    private record Resolved(String roomId) {
    }

    private record Created(String roomId) {
    }

    private record Members(List<Member> chunk) {
    }

    private record Member(String stateKey, Map<String, Object> content) {
    }

    private final MatrixConnections connections;
    private final SynapseAdmin admin;

    DeploymentMatrix(MatrixConnections connections, SynapseAdmin admin) {
        this.connections = connections;
        this.admin = admin;
    }

    private MatrixIdentity bot() {
        return admin.adminIdentity();
    }

    /**
     * Synapse's {@code /health} answers plain text, which the transport takes for a broken answer; the
     * Client-Server API's version list answers once Synapse serves clients, which is what a bootstrap needs.
     */
    @Override
    public boolean healthy() {
        var connection = connections.current();
        return connection.isPresent()
                && connection.get().client().anonymous().get("/_matrix/client/versions").successful();
    }

    @Override
    public String ensureAdminAccount() {
        return bot().get(CLIENT + "/account/whoami").expect(WhoAmI.class).userId();
    }

    @Override
    public void liftRateLimit(String adminUserId) {
        bot().post(ADMIN + "/v1/users/" + segment(adminUserId) + "/override_ratelimit",
                Map.of("messages_per_second", 0, "burst_count", 0)).expect(Void.class);
    }

    @Override
    public Optional<String> resolveAlias(String alias) {
        MatrixResponse answer = bot().get(CLIENT + "/directory/room/" + segment(alias));
        if (answer.is(404, "M_NOT_FOUND")) {
            return Optional.empty();
        }
        return Optional.of(answer.expect(Resolved.class).roomId());
    }

    @Override
    public void bindAlias(String alias, String roomId) {
        MatrixResponse answer = bot().put(CLIENT + "/directory/room/" + segment(alias), Map.of("room_id", roomId));
        if (answer.status() == 409 && resolveAlias(alias).filter(roomId::equals).isPresent()) {
            return; // bound meanwhile, to this room
        }
        answer.expect(Void.class);
    }

    @Override
    public String createRoom(String aliasLocalpart, String name, boolean space, Map<String, Object> powerLevelOverride) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room_alias_name", aliasLocalpart);
        body.put("name", name);
        body.put("preset", space || aliasLocalpart.endsWith("-admin") ? "private_chat" : "public_chat");
        body.put("visibility", "private");
        body.put("power_level_content_override", powerLevelOverride);
        if (space) {
            body.put("creation_content", Map.of("type", "m.space"));
        }
        return bot().post(CLIENT + "/createRoom", body).expect(Created.class).roomId();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> state(String roomId, String type, String stateKey) {
        MatrixResponse answer = bot().get(CLIENT + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/"
                + segment(stateKey));
        if (answer.is(404, "M_NOT_FOUND")) {
            return Optional.empty();
        }
        return Optional.of(answer.expect(Map.class));
    }

    @Override
    public void putState(String roomId, String type, String stateKey, Map<String, Object> content) {
        bot().put(CLIENT + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/" + segment(stateKey), content)
                .expect(Void.class);
    }

    @Override
    public boolean forceJoin(String roomId, String userId) {
        return SynapseAdmin.forceJoin(bot(), roomId, userId);
    }

    @Override
    public boolean deactivateAndErase(String userId) {
        MatrixResponse answer = bot().post(ADMIN + "/v1/deactivate/" + segment(userId), Map.of("erase", true));
        if (answer.status() == 404) {
            return false;
        }
        answer.expect(Void.class);
        return true;
    }

    @Override
    public Map<String, String> memberships(String roomId) {
        Map<String, String> memberships = new HashMap<>();
        bot().get(CLIENT + "/rooms/" + segment(roomId) + "/members").expect(Members.class).chunk().forEach(member ->
                memberships.put(member.stateKey(), String.valueOf(member.content().get("membership"))));
        return memberships;
    }

    @Override
    public boolean registered(String userId) {
        MatrixResponse answer = bot().get(ADMIN + "/v2/users/" + segment(userId));
        if (answer.status() == 404) {
            return false;
        }
        answer.expect(Void.class);
        return true;
    }

    @Override
    public boolean kick(String roomId, String userId, String reason) {
        MatrixResponse answer = bot().post(CLIENT + "/rooms/" + segment(roomId) + "/kick",
                Map.of("user_id", userId, "reason", reason));
        if (answer.status() == 403 && !userIsIn(roomId, userId)) {
            return false; // Synapse answers 403 for a kick of someone who is not in the room
        }
        answer.expect(Void.class);
        return true;
    }

    private boolean userIsIn(String roomId, String userId) {
        return state(roomId, "m.room.member", userId).map(member -> member.get("membership"))
                .filter(membership -> "join".equals(membership) || "invite".equals(membership)).isPresent();
    }
}
