package io.roomservice.infra.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.infra.homeserver.MatrixResponse;
import io.roomservice.infra.homeserver.NoticeFormat;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.group.GroupHomeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Map;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * {@link GroupHomeserver} on the homeserver of the current link, as the bot. Reads before it writes, so
 * a run over rooms that are as they should be only reads ({@link GroupRoomInspection} does the reading).
 */
public class MatrixGroupHomeserver implements GroupHomeserver {

    static final String CLIENT_V3 = "/_matrix/client/v3";
    private static final Logger log = LoggerFactory.getLogger(MatrixGroupHomeserver.class);

    private final MatrixConnections connections;
    private final SynapseAdmin admin;

    public MatrixGroupHomeserver(MatrixConnections connections, SynapseAdmin admin) {
        this.connections = connections;
        this.admin = admin;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateGroupRoom(String preset, String visibility, String name, String topic, String roomAliasName,
                           String roomVersion, Map<String, Integer> powerLevelContentOverride) {
    }

    record RoomAnswer(String roomId) {
    }

    record AliasTarget(String roomId) {
    }

    record Visibility(String visibility) {
    }

    record CanonicalAlias(String alias) {
    }

    record Named(String name) {
    }

    record Topic(String topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Announcement(String msgtype, String body, String format, String formattedBody,
                        @JsonProperty("m.mentions") Map<String, Object> mentions) {
    }

    @Override
    public GroupRooms ensureRooms(String slug, String name, String url, String knownPublicRoomId,
                                  String knownPrivateRoomId) {
        var publicRoom = ensureRoom(GroupRoomSpec.publicRoom(slug, name, url), knownPublicRoomId);
        var privateRoom = ensureRoom(GroupRoomSpec.privateRoom(slug, name, url), knownPrivateRoomId);
        return new GroupRooms(publicRoom, privateRoom);
    }

    /**
     * A room is created with a marker alias the bot may bind itself ({@link #markerAlias}), in the same
     * call: when binding the group's alias fails afterwards, the retry finds the room by its marker
     * instead of creating a second one. Rooms made before the marker existed are found by the group's alias.
     */
    private String ensureRoom(GroupRoomSpec spec, String knownRoomId) {
        var inspection = inspection();
        String alias = spec.alias(domain());
        String roomId = knownRoomId != null ? knownRoomId : inspection.resolve(alias)
                .or(() -> inspection.resolve(markerAlias(spec))).orElseGet(() -> create(spec, inspection));
        repair(roomId, spec, inspection.inspect(roomId, spec, alias));
        return roomId;
    }

    /** {@code #<alias prefix>-group-<the group alias's localpart>}: in roomservice's own alias namespace. */
    String markerAlias(GroupRoomSpec spec) {
        return "#" + markerLocalpart(spec) + ":" + domain();
    }

    private String markerLocalpart(GroupRoomSpec spec) {
        return properties().aliasPrefix() + "-group-" + spec.aliasLocalpart();
    }

    /** Sets what differs; each write is one state event or directory call. */
    void repair(String roomId, GroupRoomSpec spec, GroupRoomInspection.Findings findings) {
        MatrixIdentity bot = bot();
        if (!findings.aliasOk()) {
            // Synapse lets an appservice create aliases of its own namespace only (#rs-...); a server admin
            // may create any alias, in a room it is not in, so the group's aliases are bound by roomservice's
            // Synapse admin account
            MatrixResponse bound = admin.adminIdentity().put(CLIENT_V3 + "/directory/room/" + segment(spec.alias(domain())),
                    new AliasTarget(roomId));
            if (!bound.successful() && bound.status() != 409) { // 409: the alias already exists, tolerated
                bound.expect(Void.class);
            }
        }
        if (!findings.canonicalAliasOk()) {
            putState(roomId, "m.room.canonical_alias", new CanonicalAlias(spec.alias(domain())));
        }
        if (!findings.nameOk()) {
            putState(roomId, "m.room.name", new Named(spec.name()));
        }
        if (!findings.topicOk()) {
            putState(roomId, "m.room.topic", new Topic(spec.topic()));
        }
        if (!findings.listedOk()) {
            MatrixResponse listed = bot.put(CLIENT_V3 + "/directory/list/room/" + segment(roomId),
                    new Visibility("public"));
            if (listed.status() == 403) {
                // the homeserver's publication rules do not allow the bot: the room works unlisted
                log.warn("The public group room {} could not be listed in the room directory: {}", roomId,
                        listed.errorText());
            } else {
                listed.expect(Void.class);
            }
        }
        if (!findings.usersDefaultOk()) {
            raise(roomId, levels -> {
                if (levels.path("users_default").asInt(0) >= spec.usersDefault()) {
                    return false;
                }
                levels.put("users_default", spec.usersDefault());
                return true;
            });
        }
    }

    private String create(GroupRoomSpec spec, GroupRoomInspection inspection) {
        // with the marker alias, not the group's, which the bot may not create (see repair): repair binds it
        // right after, and makes it the canonical alias
        var body = new CreateGroupRoom(spec.preset(), spec.visibility(), spec.name(), spec.topic(),
                markerLocalpart(spec), properties().roomVersion(), spec.usersDefault() > 0
                ? Map.of("users_default", spec.usersDefault()) : null);
        MatrixResponse response = bot().post(CLIENT_V3 + "/createRoom", body);
        if (response.is(400, "M_ROOM_IN_USE") || response.status() == 409) {
            // a concurrent attempt made the room between the look-up and this call
            return inspection.resolve(markerAlias(spec)).orElseThrow(() -> HomeserverException.transientFailure(
                    "The marker alias " + markerAlias(spec) + " is in use but leads nowhere", null));
        }
        String roomId = response.expect(RoomAnswer.class).roomId();
        if (roomId == null) {
            throw HomeserverException.transientFailure("createRoom answered without a room_id", null);
        }
        return roomId;
    }

    @Override
    public void invite(String roomId, String matrixUserId) {
        MatrixClient client = client();
        String localpart = namespaceLocalpart(matrixUserId);
        if (localpart != null) {
            client.registerAppserviceUser(localpart);
        }
        MatrixResponse response = bot().post(CLIENT_V3 + "/rooms/" + segment(roomId) + "/invite",
                Map.of("user_id", matrixUserId));
        if (response.is(403, "M_FORBIDDEN")) {
            return; // already in the room (joined or banned): the original counts it as invited
        }
        response.expect(Void.class);
    }

    @Override
    public void raiseToModerator(String roomId, Collection<String> matrixUserIds) {
        raise(roomId, levels -> {
            ObjectNode users = levels.has("users") && levels.get("users") instanceof ObjectNode u ? u
                    : levels.putObject("users");
            boolean changed = false;
            for (String user : matrixUserIds) {
                if (users.path(user).asInt(levels.path("users_default").asInt(0)) < GroupRoomSpec.MODERATOR) {
                    users.put(user, GroupRoomSpec.MODERATOR);
                    changed = true;
                }
            }
            return changed;
        });
    }

    @Override
    public void kick(String roomId, String matrixUserId, String reason) {
        MatrixResponse response = bot().post(CLIENT_V3 + "/rooms/" + segment(roomId) + "/kick",
                Map.of("user_id", matrixUserId, "reason", reason));
        if (response.is(403, "M_FORBIDDEN")) {
            return; // not in the room (left, never joined): nothing to kick
        }
        response.expect(Void.class);
    }

    @Override
    public void announce(String room, String transactionId, String markdown) {
        // a listener room may be configured by its alias
        String roomId = room.startsWith("#") ? inspection().resolve(room).orElseThrow(() ->
                HomeserverException.permanentFailure("The listener room " + room + " does not exist")) : room;
        var content = new Announcement("m.notice", markdown, NoticeFormat.HTML, NoticeFormat.html(markdown),
                Map.of());
        client().sendEvent(roomId, "m.room.message", transactionId, content);
    }

    private interface LevelChange {
        /** Changes the levels in place; false when nothing needed to change. */
        boolean apply(ObjectNode levels);
    }

    /** Reads the power levels, lets the change raise what it must, and writes them back only when it did. */
    private void raise(String roomId, LevelChange change) {
        MatrixClient client = client();
        JsonNode current = client.stateEvent(roomId, "m.room.power_levels", "");
        ObjectNode levels = current instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (change.apply(levels)) {
            client.putStateEvent(roomId, "m.room.power_levels", "", levels);
        }
    }

    private void putState(String roomId, String type, Object content) {
        client().putStateEvent(roomId, type, "", content);
    }

    /** The localpart when the id is a user of roomservice's namespace on this homeserver (registered before an invite). */
    String namespaceLocalpart(String matrixUserId) {
        String prefix = "@" + properties().aliasPrefix() + "-";
        String suffix = ":" + domain();
        if (matrixUserId.startsWith(prefix) && matrixUserId.endsWith(suffix)) {
            return matrixUserId.substring(1, matrixUserId.length() - suffix.length());
        }
        return null;
    }

    GroupRoomInspection inspection() {
        return new GroupRoomInspection(bot());
    }

    private MatrixIdentity bot() {
        return client().appservice();
    }

    private MatrixClient client() {
        return connections.require().client();
    }

    private MatrixProperties properties() {
        return connections.require().properties();
    }

    String domain() {
        return properties().domain();
    }
}
