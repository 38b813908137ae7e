package io.roomservice.command.world;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.world.PutWorldRoom;
import io.roomservice.api.world.RecordWorldRoomProvisioned;
import io.roomservice.api.world.RecordWorldSpace;
import io.roomservice.api.world.RegisterWorld;
import io.roomservice.api.world.RemoveWorldRoom;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRegistered;
import io.roomservice.api.world.WorldRejections;
import io.roomservice.api.world.WorldRenamed;
import io.roomservice.api.world.WorldRoomAdded;
import io.roomservice.api.world.WorldRoomChanged;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;
import io.roomservice.api.world.WorldRoomProvisioned;
import io.roomservice.api.world.WorldRoomRemoved;
import io.roomservice.api.world.WorldSpaceProvisioned;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A world of the virtual office: its Space and its map and area rooms. The rooms live here (a world
 * has tens of them, changed rarely), so that a room's name prefix, its kind and its Space are decided
 * in one place. Who is in an area is the person's business ({@link WorldPerson}), not the world's.
 */
@Aggregate(cache = "aggregateCache")
public class World {

    static final String CREATED = "created";
    static final String CHANGED = "changed";
    static final String UNCHANGED = "unchanged";

    @AggregateIdentifier
    private WorldId worldId;
    private String organisation;
    private String slug;
    private String name;
    private String spaceRoomId;
    private final Map<WorldRoomId, Room> rooms = new HashMap<>();

    private record Room(WorldRoomKind kind, String name, List<String> tags, String matrixRoomId, boolean removed) {
    }

    protected World() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RegisterWorld command, WorldPlaces places) {
        if (worldId == null) {
            if (places.find(command.worldId().value()).isPresent()) {
                throw inUse(command.worldId().toString());
            }
            if (command.organisation() == null && places.defaultWorldExists()) {
                throw new CommandRejectedException(RejectionReason.CONFLICT, WorldRejections.DEFAULT_WORLD_EXISTS,
                        "There is a default world already; a self-hosted host has one.");
            }
            apply(new WorldRegistered(command.worldId(), command.organisation(), command.slug(), command.name()));
            return CREATED;
        }
        if (!Objects.equals(organisation, command.organisation()) || !Objects.equals(slug, command.slug())) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, WorldRejections.WORLD_SLUGS_FIXED,
                    "The organisation and world slugs of world " + worldId + " cannot change: the names of its "
                            + "Matrix rooms are made from them.");
        }
        if (name.equals(command.name())) {
            return UNCHANGED;
        }
        apply(new WorldRenamed(worldId, command.name(), spaceRoomId));
        return CHANGED;
    }

    @CommandHandler
    public void handle(RecordWorldSpace command) {
        if (spaceRoomId == null) {
            apply(new WorldSpaceProvisioned(worldId, command.spaceRoomId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(PutWorldRoom command, WorldPlaces places) {
        requireWorld(command.worldId());
        Room room = rooms.get(command.roomId());
        if (room == null) {
            if (places.find(command.roomId().value()).isPresent()) {
                throw inUse(command.roomId().toString());
            }
            apply(new WorldRoomAdded(worldId, command.roomId(), command.kind(), command.name(),
                    matrixName(command.name()), List.copyOf(command.tags())));
            return CREATED;
        }
        if (room.removed()) {
            throw removed(command.roomId());
        }
        if (room.kind() != command.kind()) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, WorldRejections.WORLD_ROOM_KIND_FIXED,
                    "Room " + command.roomId() + " is a " + room.kind().wireName() + " room; its kind cannot change.");
        }
        if (room.name().equals(command.name()) && room.tags().equals(command.tags())) {
            return UNCHANGED;
        }
        apply(new WorldRoomChanged(worldId, command.roomId(), room.kind(), command.name(), matrixName(command.name()),
                List.copyOf(command.tags()), room.matrixRoomId()));
        return CHANGED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RemoveWorldRoom command) {
        requireWorld(command.worldId());
        Room room = rooms.get(command.roomId());
        if (room == null) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_WORLD_ROOM,
                    "World " + worldId + " has no room " + command.roomId() + ".");
        }
        if (room.removed()) {
            return false;
        }
        apply(new WorldRoomRemoved(worldId, command.roomId(), room.kind(), room.matrixRoomId(), spaceRoomId));
        return true;
    }

    /** Recorded even for a room deleted meanwhile: the event then has it emptied at once. */
    @CommandHandler
    public void handle(RecordWorldRoomProvisioned command) {
        Room room = rooms.get(command.roomId());
        if (room != null && room.matrixRoomId() == null) {
            apply(new WorldRoomProvisioned(worldId, command.roomId(), room.kind(), command.matrixRoomId(),
                    room.removed()));
        }
    }

    /** {@code wa-} for the self-hosted default world, {@code wa-<org>-<world>-} otherwise (the seed's rule). */
    private String matrixName(String roomName) {
        return organisation == null ? "wa-" + roomName : "wa-" + organisation + "-" + slug + "-" + roomName;
    }

    private void requireWorld(WorldId requested) {
        if (worldId == null) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_WORLD,
                    "World " + requested + " is not known.");
        }
    }

    private static CommandRejectedException inUse(String id) {
        return new CommandRejectedException(RejectionReason.CONFLICT, WorldRejections.IDENTIFIER_IN_USE,
                id + " already names another world or room.");
    }

    private static CommandRejectedException removed(WorldRoomId roomId) {
        return new CommandRejectedException(RejectionReason.CONFLICT, WorldRejections.WORLD_ROOM_REMOVED,
                "Room " + roomId + " was deleted; use a new uuid for a new room.");
    }

    @EventSourcingHandler
    void on(WorldRegistered event) {
        worldId = event.worldId();
        organisation = event.organisation();
        slug = event.slug();
        name = event.name();
    }

    @EventSourcingHandler
    void on(WorldRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(WorldSpaceProvisioned event) {
        spaceRoomId = event.spaceRoomId();
    }

    @EventSourcingHandler
    void on(WorldRoomAdded event) {
        rooms.put(event.roomId(), new Room(event.kind(), event.name(), event.tags(), null, false));
    }

    @EventSourcingHandler
    void on(WorldRoomChanged event) {
        rooms.computeIfPresent(event.roomId(), (id, room) -> new Room(room.kind(), event.name(), event.tags(),
                room.matrixRoomId(), room.removed()));
    }

    @EventSourcingHandler
    void on(WorldRoomProvisioned event) {
        rooms.computeIfPresent(event.roomId(), (id, room) -> new Room(room.kind(), room.name(), room.tags(),
                event.matrixRoomId(), room.removed()));
    }

    @EventSourcingHandler
    void on(WorldRoomRemoved event) {
        rooms.computeIfPresent(event.roomId(), (id, room) -> new Room(room.kind(), room.name(), room.tags(),
                room.matrixRoomId(), true));
    }
}
