package io.roomservice.command.world;

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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.roomservice.command.Refusals.rejectedAs;

class WorldTest {

    private final WorldId world = new WorldId(UUID.randomUUID());
    private final WorldRoomId room = new WorldRoomId(UUID.randomUUID());
    private final Set<UUID> usedIds = new HashSet<>();
    private boolean defaultWorldExists;
    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
        fixture.registerInjectableResource(new WorldPlaces() {
            @Override
            public Optional<Place> find(UUID placeId) {
                return usedIds.contains(placeId) ? Optional.of(new Place(new WorldId(UUID.randomUUID()), Kind.MAP, false))
                        : Optional.empty();
            }

            @Override
            public boolean defaultWorldExists() {
                return defaultWorldExists;
            }
        });
    }

    private WorldRegistered registered() {
        return new WorldRegistered(world, "acme", "hq", "Headquarters");
    }

    private WorldRoomAdded added() {
        return new WorldRoomAdded(world, room, WorldRoomKind.AREA, "Meeting", "wa-acme-hq-Meeting", List.of("dev"));
    }

    @Test
    void aNewWorldIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorld(world, "acme", "hq", "Headquarters"))
                .expectEvents(registered())
                .expectResultMessagePayload("created");
    }

    @Test
    void aSecondDefaultWorldIsRefused() {
        defaultWorldExists = true;
        fixture.givenNoPriorActivity()
                .when(new RegisterWorld(world, null, null, "Office"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, WorldRejections.DEFAULT_WORLD_EXISTS));
    }

    @Test
    void renamingAWorldTellsItsSpace() {
        fixture.given(registered(), new WorldSpaceProvisioned(world, "!space:example.org"))
                .when(new RegisterWorld(world, "acme", "hq", "Head office"))
                .expectEvents(new WorldRenamed(world, "Head office", "!space:example.org"))
                .expectResultMessagePayload("changed");
    }

    @Test
    void theSameWorldAgainChangesNothing() {
        fixture.given(registered())
                .when(new RegisterWorld(world, "acme", "hq", "Headquarters"))
                .expectNoEvents()
                .expectResultMessagePayload("unchanged");
    }

    @Test
    void theSlugsOfAWorldCannotChange() {
        fixture.given(registered())
                .when(new RegisterWorld(world, "acme", "paris", "Headquarters"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, WorldRejections.WORLD_SLUGS_FIXED));
    }

    @Test
    void theSpaceIsRecordedOnce() {
        fixture.given(registered(), new WorldSpaceProvisioned(world, "!space:example.org"))
                .when(new RecordWorldSpace(world, "!other:example.org"))
                .expectNoEvents();
    }

    @Test
    void aRoomOfAWorldGetsTheWorldsPrefix() {
        fixture.given(registered())
                .when(new PutWorldRoom(world, room, WorldRoomKind.AREA, "Meeting", List.of("dev")))
                .expectEvents(added())
                .expectResultMessagePayload("created");
    }

    @Test
    void aRoomOfTheDefaultWorldIsPrefixedWa() {
        fixture.given(new WorldRegistered(world, null, null, "Office"))
                .when(new PutWorldRoom(world, room, WorldRoomKind.MAP, "Lobby", List.of()))
                .expectEvents(new WorldRoomAdded(world, room, WorldRoomKind.MAP, "Lobby", "wa-Lobby", List.of()));
    }

    @Test
    void aRoomOfAnUnknownWorldIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PutWorldRoom(world, room, WorldRoomKind.MAP, "Lobby", List.of()))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_WORLD));
    }

    @Test
    void aRoomIdThatNamesSomethingElseIsRefused() {
        usedIds.add(room.value());
        fixture.given(registered())
                .when(new PutWorldRoom(world, room, WorldRoomKind.MAP, "Lobby", List.of()))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, WorldRejections.IDENTIFIER_IN_USE));
    }

    @Test
    void renamingAProvisionedRoomNamesItsMatrixRoom() {
        fixture.given(registered(), added(), new WorldRoomProvisioned(world, room, WorldRoomKind.AREA, "!a:example.org",
                        false))
                .when(new PutWorldRoom(world, room, WorldRoomKind.AREA, "Standup", List.of("dev", "ops")))
                .expectEvents(new WorldRoomChanged(world, room, WorldRoomKind.AREA, "Standup", "wa-acme-hq-Standup",
                        List.of("dev", "ops"), "!a:example.org"));
    }

    @Test
    void theKindOfARoomCannotChange() {
        fixture.given(registered(), added())
                .when(new PutWorldRoom(world, room, WorldRoomKind.MAP, "Meeting", List.of("dev")))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, WorldRejections.WORLD_ROOM_KIND_FIXED));
    }

    @Test
    void removingARoomEmptiesItsMatrixRoomOnceAndItCannotComeBack() {
        fixture.given(registered(), new WorldSpaceProvisioned(world, "!space:example.org"), added(),
                        new WorldRoomProvisioned(world, room, WorldRoomKind.AREA, "!a:example.org", false))
                .when(new RemoveWorldRoom(world, room))
                .expectEvents(new WorldRoomRemoved(world, room, WorldRoomKind.AREA, "!a:example.org", "!space:example.org"))
                .expectResultMessagePayload(true);
        fixture.given(registered(), added(), new WorldRoomRemoved(world, room, WorldRoomKind.AREA, null, null))
                .when(new RemoveWorldRoom(world, room))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(registered(), added(), new WorldRoomRemoved(world, room, WorldRoomKind.AREA, null, null))
                .when(new PutWorldRoom(world, room, WorldRoomKind.AREA, "Meeting", List.of("dev")))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, WorldRejections.WORLD_ROOM_REMOVED));
    }

    @Test
    void aRoomProvisionedAfterItsRemovalIsRecordedAsRemoved() {
        fixture.given(registered(), added(), new WorldRoomRemoved(world, room, WorldRoomKind.AREA, null, null))
                .when(new RecordWorldRoomProvisioned(world, room, "!late:example.org"))
                .expectEvents(new WorldRoomProvisioned(world, room, WorldRoomKind.AREA, "!late:example.org", true));
    }
}
