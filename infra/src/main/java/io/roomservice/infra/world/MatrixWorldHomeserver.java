package io.roomservice.infra.world;

import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.homeserver.MatrixResponse;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.world.WorldHomeserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * Worlds on a Matrix homeserver. Spaces and rooms carry the alias
 * {@code #<alias-prefix>-world-<uuid hex>} / {@code #<alias-prefix>-wroom-<uuid hex>} and are looked
 * up by it before anything is created. Area rooms are private, history visible only since joining,
 * with the seed's power overrides (invite 100, ban 50, kick 50); map rooms can be joined by the Space's
 * members (join rule {@code restricted}). People are joined by identity assertion when their Matrix id
 * is in the appservice's namespace, through Synapse's admin API (force-join, by roomservice's admin
 * account, which is therefore a member of every area room) when it is another local user, and only
 * invited when it is on another server.
 */
class MatrixWorldHomeserver implements WorldHomeserver {

    private static final Logger log = LoggerFactory.getLogger(MatrixWorldHomeserver.class);

    static final String ROOM_TYPE = "re.workadventu.room_type";
    static final String TAGS = "re.workadventu.tags";
    static final int MODERATOR = 50;
    private static final String V3 = "/_matrix/client/v3";

    private final MatrixConnections connections;
    private final SynapseAdmin admin;
    private final BulkKicks kicks;
    /** Namespace users known to exist on the homeserver, so that an enter does not register them again. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    MatrixWorldHomeserver(MatrixConnections connections, SynapseAdmin admin, BulkKicks kicks) {
        this.connections = connections;
        this.admin = admin;
        this.kicks = kicks;
    }

    @Override
    public String ensureSpace(WorldId worldId, String name) {
        WorldLink link = link();
        String alias = link.alias("world", worldId.value().toString());
        Map<String, Object> body = link.roomBody(name, alias, Map.of("type", "m.space", "m.federate", false),
                List.of(), Map.of("users", Map.of(link.bot(), 100)), List.of());
        return link.findOrCreate(alias, body);
    }

    @Override
    public String ensureRoom(WorldRoomId roomId, WorldRoomKind kind, String matrixName, List<String> tags,
                             String spaceRoomId) {
        WorldLink link = link();
        String alias = link.alias("wroom", roomId.value().toString());
        List<Map<String, Object>> state = new ArrayList<>(List.of(
                state(ROOM_TYPE, "", Map.of("room_type", kind.wireName())),
                state(TAGS, "", Map.of("tags", String.join("|", tags))),
                state("m.space.parent", spaceRoomId, Map.of("via", List.of(link.domain()), "canonical", true)),
                state("m.room.guest_access", "", Map.of("guest_access", "forbidden"))));
        Map<String, Object> users = new LinkedHashMap<>(Map.of(link.bot(), 100));
        Optional<MatrixIdentity> adminAccount = kind == WorldRoomKind.AREA ? adminAccount() : Optional.empty();
        Optional<String> adminId = adminAccount.map(MatrixWorldHomeserver::userIdOf);
        adminId.ifPresent(id -> users.put(id, 100));
        Map<String, Object> power;
        if (kind == WorldRoomKind.AREA) {
            state.add(state("m.room.history_visibility", "", Map.of("history_visibility", "joined")));
            state.add(state("m.room.join_rules", "", Map.of("join_rule", "invite")));
            power = Map.of("users", users, "invite", 100, "ban", 50, "kick", 50);
        } else {
            state.add(state("m.room.join_rules", "", Map.of("join_rule", "restricted",
                    "allow", List.of(Map.of("type", "m.room_membership", "room_id", spaceRoomId)))));
            power = Map.of("users", users);
        }
        String room = link.findOrCreate(alias, link.roomBody(matrixName, alias, Map.of("m.federate", false), state,
                power, adminId.map(List::of).orElse(List.of())));
        // repeated on every run, so that a run cut short after the creation completes the room
        adminAccount.ifPresent(account -> account.post(V3 + "/rooms/" + segment(room) + "/join", Map.of())
                .expect(Void.class));
        link.bot.put(V3 + "/rooms/" + segment(spaceRoomId) + "/state/m.space.child/" + segment(room),
                Map.of("via", List.of(link.domain()), "suggested", kind == WorldRoomKind.MAP)).expect(Void.class);
        return room;
    }

    @Override
    public void describeRoom(String matrixRoomId, String matrixName, List<String> tags) {
        WorldLink link = link();
        link.putState(matrixRoomId, "m.room.name", "", Map.of("name", matrixName));
        if (tags != null) {
            link.putState(matrixRoomId, TAGS, "", Map.of("tags", String.join("|", tags)));
        }
    }

    @Override
    public void vacate(String matrixRoomId, String spaceRoomId) {
        WorldLink link = link();
        MatrixResponse members = link.bot.get(V3 + "/rooms/" + segment(matrixRoomId) + "/members?not_membership=leave");
        if (members.status() == 403) {
            return; // the bot left already: a repeat after the last step
        }
        List<String> present = new ArrayList<>();
        for (JsonNode member : members.expect(JsonNode.class).path("chunk")) {
            String userId = member.path("state_key").asString("");
            String membership = member.path("content").path("membership").asString("");
            if (!userId.equals(link.bot()) && List.of("join", "invite", "knock").contains(membership)) {
                present.add(userId);
            }
        }
        kicks.kickAll(present, userId -> kick(link, matrixRoomId, userId, "The area was removed"));
        if (spaceRoomId != null) {
            link.putState(spaceRoomId, "m.space.child", matrixRoomId, Map.of());
        }
        link.bot.post(V3 + "/rooms/" + segment(matrixRoomId) + "/leave", Map.of()).expect(Void.class);
        log.info("Emptied and left deleted world room {} ({} kicked)", matrixRoomId, present.size());
    }

    @Override
    public void inviteToSpace(String spaceRoomId, String matrixUserId) {
        invite(link(), spaceRoomId, matrixUserId);
    }

    @Override
    public void removeFromSpace(String spaceRoomId, String matrixUserId) {
        kick(link(), spaceRoomId, matrixUserId, "No longer a member of the world");
    }

    @Override
    public void enterArea(String matrixRoomId, String matrixUserId, boolean moderator) {
        WorldLink link = link();
        String room = V3 + "/rooms/" + segment(matrixRoomId);
        if (link.inNamespace(matrixUserId)) {
            // keyed by homeserver too: after a move to a new homeserver the account is made there again
            String known = link.homeserverUrl() + " " + matrixUserId;
            if (!registered.contains(known)) {
                link.registerNamespaceUser(matrixUserId);
                registered.add(known);
            }
            invite(link, matrixRoomId, matrixUserId);
            link.bot.as(matrixUserId).post(room + "/join", Map.of()).expect(Void.class);
        } else if (link.isLocal(matrixUserId) && adminAccount().isPresent()) {
            if (!SynapseAdmin.forceJoin(adminAccount().get(), matrixRoomId, matrixUserId)) {
                throw HomeserverException.permanentFailure(matrixUserId + " has no account on the homeserver yet");
            }
        } else {
            invite(link, matrixRoomId, matrixUserId);
        }
        if (moderator) {
            link.setPower(matrixRoomId, matrixUserId, MODERATOR);
        }
    }

    @Override
    public void leaveArea(String matrixRoomId, String matrixUserId, boolean moderator) {
        WorldLink link = link();
        kick(link, matrixRoomId, matrixUserId, "Left the area");
        if (moderator) {
            link.setPower(matrixRoomId, matrixUserId, null);
        }
    }

    /** Someone already there (or banned) answers 403: nothing to do. */
    private static void invite(WorldLink link, String matrixRoomId, String matrixUserId) {
        MatrixResponse invited = link.bot.post(V3 + "/rooms/" + segment(matrixRoomId) + "/invite",
                Map.of("user_id", matrixUserId));
        if (!invited.successful() && !invited.is(403, "M_FORBIDDEN")) {
            throw invited.failure();
        }
    }

    /** Not a ban: the person can come back. Someone not in the room answers 403: already done. */
    private static void kick(WorldLink link, String matrixRoomId, String matrixUserId, String reason) {
        MatrixResponse kicked = link.bot.post(V3 + "/rooms/" + segment(matrixRoomId) + "/kick",
                Map.of("user_id", matrixUserId, "reason", reason));
        if (!kicked.successful() && !kicked.is(403, "M_FORBIDDEN")) {
            throw kicked.failure();
        }
    }

    private static Map<String, Object> state(String type, String stateKey, Map<String, Object> content) {
        return Map.of("type", type, "state_key", stateKey, "content", content);
    }

    /**
     * roomservice's Synapse admin account, for force-joins; absent when it cannot be had (no
     * registration secret): local people are then only invited.
     */
    private Optional<MatrixIdentity> adminAccount() {
        try {
            return Optional.of(admin.adminIdentity());
        } catch (HomeserverException e) {
            if (e.isTransient()) {
                throw e;
            }
            log.debug("No Synapse admin account: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String userIdOf(MatrixIdentity identity) {
        return identity.get(V3 + "/account/whoami").expect(JsonNode.class).path("user_id").asString();
    }

    private WorldLink link() {
        return new WorldLink(connections.require());
    }
}
