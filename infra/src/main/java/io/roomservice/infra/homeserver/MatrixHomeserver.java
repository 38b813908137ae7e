package io.roomservice.infra.homeserver;

import io.roomservice.api.project.ProjectId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Homeserver} port on a real Matrix homeserver, through the Client-Server API as an
 * application service (see {@code waldur-matrix.md} §3 "Room provisioning").
 *
 * <p>A project's room carries the alias {@code #<alias-prefix>-<project uuid, 32 hex>:<domain>}. The
 * alias is looked up before anything is created, so a repeat after a crash (or a concurrent attempt)
 * finds the room instead of creating a second one.
 *
 * <p>Rooms are private, invite-only, not federated, with history visible to members since they
 * were created ("shared"), and a power-level plan in which the bot (100) outranks every human (at
 * most 50, set later by member sync).
 */
public class MatrixHomeserver implements Homeserver {

    private static final Logger log = LoggerFactory.getLogger(MatrixHomeserver.class);

    private final MatrixClient client;
    private final MatrixProperties properties;
    private volatile boolean botRegistered;
    private volatile String domain;

    public MatrixHomeserver(MatrixClient client, MatrixProperties properties) {
        this.client = client;
        this.properties = properties;
        this.domain = properties.domain().isEmpty() ? null : properties.domain();
    }

    @Override
    public ProvisionedRoom createRoom(RoomSpec spec) {
        ensureBotRegistered();
        String localpart = aliasLocalpart(spec.projectId());
        String alias = "#" + localpart + ":" + domain();

        Optional<String> existing = client.resolveAlias(alias);
        if (existing.isPresent()) {
            log.info("Room for project {} already exists: {} ({})", spec.projectId(), existing.get(), alias);
            return new ProvisionedRoom(existing.get(), alias);
        }

        CreateRoomRequest request = createRoomRequest(spec, localpart);
        MatrixClient.CreateRoomResult result = client.createRoom(request);
        if (result instanceof MatrixClient.Created created) {
            log.info("Created room {} ({}) for project {}", created.roomId(), alias, spec.projectId());
            return new ProvisionedRoom(created.roomId(), alias);
        }

        // The alias is taken. Most likely a concurrent attempt for the same project just created the
        // room: then it resolves now.
        existing = client.resolveAlias(alias);
        if (existing.isPresent()) {
            log.info("Room for project {} was created concurrently: {} ({})", spec.projectId(), existing.get(), alias);
            return new ProvisionedRoom(existing.get(), alias);
        }
        log.warn("Alias {} for project {} is in use but does not resolve ({}); creating the room without an alias",
                alias, spec.projectId(), ((MatrixClient.AliasInUse) result).message());
        MatrixClient.CreateRoomResult retry = client.createRoom(request.withoutAlias());
        if (retry instanceof MatrixClient.Created created) {
            log.info("Created room {} without an alias for project {}", created.roomId(), spec.projectId());
            return new ProvisionedRoom(created.roomId(), null);
        }
        throw HomeserverException.permanentFailure(((MatrixClient.AliasInUse) retry).message());
    }

    @Override
    public void renameRoom(String matrixRoomId, String name) {
        ensureBotRegistered();
        client.putStateEvent(matrixRoomId, "m.room.name", "", Map.of("name", name));
        log.info("Renamed room {}", matrixRoomId);
    }

    @Override
    public void repairRoom(String matrixRoomId, String alias, String name) {
        ensureBotRegistered();
        if (alias != null) {
            String bound = client.resolveAlias(alias).orElse(null);
            if (!matrixRoomId.equals(bound)) {
                String path = MatrixClient.CLIENT_V3 + "/directory/room/" + MatrixTransport.segment(alias);
                if (bound != null) {
                    // the alias is in roomservice's exclusive namespace and made of the room's project: by the
                    // room's events it is this room's, whatever else it was bound to meanwhile
                    client.appservice().delete(path).expect(Void.class);
                }
                MatrixResponse answer = client.appservice().put(path, Map.of("room_id", matrixRoomId));
                if (answer.status() != 409 || !client.resolveAlias(alias).filter(matrixRoomId::equals).isPresent()) {
                    answer.expect(Void.class);
                }
                log.info("Bound {} to room {} again", alias, matrixRoomId);
            }
        }
        String canonical = null;
        String currentName = null;
        for (MatrixClient.StateEvent event : client.roomState(matrixRoomId, null)) {
            if ("m.room.canonical_alias".equals(event.type())) {
                canonical = event.content().path("alias").asString(null);
            } else if ("m.room.name".equals(event.type())) {
                currentName = event.content().path("name").asString(null);
            }
        }
        if (alias != null && !alias.equals(canonical)) {
            client.putStateEvent(matrixRoomId, "m.room.canonical_alias", "", Map.of("alias", alias));
        }
        if (name != null && !name.equals(currentName)) {
            client.putStateEvent(matrixRoomId, "m.room.name", "", Map.of("name", name));
            log.info("Named room {} again", matrixRoomId);
        }
    }

    /** {@code <alias-prefix>-<the full project uuid as 32 lower-case hex digits>}. */
    public String aliasLocalpart(ProjectId projectId) {
        return properties.aliasPrefix() + "-" + projectId.value().toString().replace("-", "");
    }

    /** {@code @<sender-localpart>:<domain>}. */
    public String botUserId() {
        return "@" + properties.senderLocalpart() + ":" + domain();
    }

    /**
     * The homeserver's server name: configured, or the part after the colon of the bot's
     * {@code whoami}.
     */
    public String domain() {
        String known = domain;
        if (known != null) {
            return known;
        }
        String userId = client.whoami(null).userId();
        int colon = userId == null ? -1 : userId.indexOf(':');
        if (colon < 0) {
            throw HomeserverException.transientFailure("The homeserver's whoami did not name the bot's user id", null);
        }
        domain = userId.substring(colon + 1);
        return domain;
    }

    /**
     * The sender user of an appservice has no account until it is registered (Synapse creates none),
     * and without one it has no profile. Registering is idempotent: {@code M_USER_IN_USE} is fine.
     */
    private void ensureBotRegistered() {
        if (botRegistered) {
            return;
        }
        if (client.registerAppserviceUser(properties.senderLocalpart())) {
            log.info("Registered the bot {} on {}", properties.senderLocalpart(), client.homeserverUrl());
        }
        botRegistered = true;
    }

    /** The {@code createRoom} body; {@code aliasLocalpart} null creates the room without an alias. */
    CreateRoomRequest createRoomRequest(RoomSpec spec, String aliasLocalpart) {
        return new CreateRoomRequest(properties.roomVersion(), spec.name(), aliasLocalpart, "private",
                new CreateRoomRequest.CreationContent(false),
                List.of(CreateRoomRequest.InitialState.of("m.room.join_rules", "join_rule", "invite"),
                        CreateRoomRequest.InitialState.of("m.room.history_visibility", "history_visibility", "shared"),
                        // without a preset Synapse applies private_chat, which lets guests join: project
                        // rooms are for members
                        CreateRoomRequest.InitialState.of("m.room.guest_access", "guest_access", "forbidden")),
                powerLevels());
    }

    /**
     * The bot holds 100 and everything that governs the room needs 100; humans later get at most 50,
     * so the bot can always demote or kick them. In room versions 12 and later the creator's power is
     * implicit and above every level, and the creator must not be listed in {@code users}.
     */
    private CreateRoomRequest.PowerLevels powerLevels() {
        Map<String, Integer> users = creatorPowerIsImplicit(properties.roomVersion()) ? Map.of()
                : Map.of(botUserId(), 100);
        Map<String, Integer> events = new LinkedHashMap<>();
        events.put("m.room.message", 0);
        for (String governing : new String[] {"m.room.name", "m.room.topic", "m.room.avatar", "m.room.power_levels",
                "m.room.join_rules", "m.room.history_visibility", "m.room.canonical_alias", "m.room.encryption",
                "m.room.tombstone", "m.room.server_acl"}) {
            events.put(governing, 100);
        }
        // Element Call membership is a state event; members must be able to join calls.
        events.put("org.matrix.msc3401.call.member", 0);
        return new CreateRoomRequest.PowerLevels(users, 0, 0, 100, 100, 100, 100, 100, events);
    }

    static boolean creatorPowerIsImplicit(String roomVersion) {
        try {
            return Integer.parseInt(roomVersion) >= 12;
        } catch (NumberFormatException unstableVersion) {
            return roomVersion.contains("msc4289");
        }
    }
}
