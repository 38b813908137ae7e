package io.roomservice.sagas.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.AreaEntered;
import io.roomservice.api.world.AreaLeft;
import io.roomservice.api.world.AreaPresenceTimedOut;
import io.roomservice.api.world.AreaVisit;
import io.roomservice.api.world.ChatIdLinked;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRoomAdded;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;
import io.roomservice.api.world.WorldRoomProvisioned;
import io.roomservice.api.world.WorldRoomRemoved;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What homeserver work each world event decides on. */
class WorldReactorTest {

    private final WorldReactor reactor = new WorldReactor();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final UserId person = new UserId(UUID.randomUUID());
    private final WorldId world = new WorldId(UUID.randomUUID());
    private final WorldRoomId area = new WorldRoomId(UUID.randomUUID());

    @Test
    void anEnterWithAMatrixIdJoinsAndOneWithoutDoesNothing() {
        reactor.on(new AreaEntered(person, world, area, "@a:example.org", true, Duration.ofMinutes(2)), 3, queue);
        reactor.on(new AreaEntered(person, world, area, null, false, Duration.ofMinutes(2)), 4, queue);

        assertThat(queue.submitted()).containsExactly(new AreaPresence(person, 3, 0, area, "@a:example.org", true, true));
    }

    @Test
    void aLeaveAndATimeoutKickOnlyWhenTheEventSaysSo() {
        reactor.on(new AreaLeft(person, world, area, "@a:example.org", true, true), 5, queue);
        reactor.on(new AreaLeft(person, world, area, "@a:example.org", false, false), 6, queue);
        reactor.on(new AreaPresenceTimedOut(person, world, area, "@a:example.org", true, false), 7, queue);

        assertThat(queue.submitted()).containsExactly(
                new AreaPresence(person, 5, 0, area, "@a:example.org", false, true),
                new AreaPresence(person, 7, 0, area, "@a:example.org", false, false));
    }

    @Test
    void aNewMatrixIdIsInvitedToTheSpacesAndTakesThePreviousOnesPlaceInTheAreas() {
        WorldRoomId shared = new WorldRoomId(UUID.randomUUID());
        reactor.on(new ChatIdLinked(person, "@old:example.org", "@new:example.org", List.of(world),
                List.of(new AreaVisit(world, area, false, false), new AreaVisit(world, shared, true, true))), 9, queue);

        assertThat(queue.submitted()).containsExactly(
                new SpaceMembership(person, 9, 0, world, "@new:example.org", true),
                new AreaPresence(person, 9, 1, area, "@old:example.org", false, false),
                new AreaPresence(person, 9, 2, area, "@new:example.org", true, false),
                new AreaPresence(person, 9, 3, shared, "@new:example.org", true, true));
        // the previous id stays in the shared area: another person present there has it
    }

    @Test
    void aRoomIsCreatedAndARoomRemovedBeforeItsCreationIsNotCreated() {
        reactor.on(new WorldRoomAdded(world, area, WorldRoomKind.AREA, "Desk", "wa-Desk", List.of()), queue);
        reactor.on(new WorldRoomRemoved(world, area, WorldRoomKind.AREA, null, null), queue);

        assertThat(queue.submitted()).containsExactly(new CreateWorldRoom(world, area, WorldRoomKind.AREA, "wa-Desk", List.of()));
        assertThat(queue.cancelled()).containsExactly(CreateWorldRoom.keyOf(area));
    }

    @Test
    void aRemovedRoomIsEmptiedAlsoWhenItsMatrixRoomCameAfterTheRemoval() {
        reactor.on(new WorldRoomRemoved(world, area, WorldRoomKind.AREA, "!a:example.org", "!s:example.org"), queue);
        reactor.on(new WorldRoomProvisioned(world, area, WorldRoomKind.AREA, "!late:example.org", true), queue);

        assertThat(queue.submitted()).containsExactly(new VacateWorldRoom(world, area, "!a:example.org"),
                new VacateWorldRoom(world, area, "!late:example.org"));
    }
}
