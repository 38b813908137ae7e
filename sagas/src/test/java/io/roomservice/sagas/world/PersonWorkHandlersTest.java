package io.roomservice.sagas.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** A person's area work runs in the order of their events, and only on an area room that exists. */
class PersonWorkHandlersTest {

    private final UserId person = new UserId(UUID.randomUUID());
    private final WorldRoomId area = new WorldRoomId(UUID.randomUUID());
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final WorldHomeserver homeserver = mock(WorldHomeserver.class);
    private final Map<UUID, WorldMatrixRooms.Place> places = new HashMap<>();
    private final PersonWorkHandlers.Areas handler = new PersonWorkHandlers.Areas(homeserver,
            id -> Optional.ofNullable(places.get(id)), queue);

    private AreaPresence join(long sequence) {
        return new AreaPresence(person, sequence, 0, area, "@a:example.org", true, false);
    }

    private AreaPresence kick(long sequence) {
        return new AreaPresence(person, sequence, 0, area, "@a:example.org", false, false);
    }

    @Test
    void keysSortAsTheEventsOfThePerson() {
        assertThat(join(9).key()).isLessThan(kick(10).key());
        assertThat(new AreaPresence(person, 10, 2, area, "@a:example.org", true, false).key())
                .isLessThan(new AreaPresence(person, 10, 11, area, "@a:example.org", true, false).key())
                .isLessThan(join(11).key());
    }

    @Test
    void aKickWaitsWhileTheJoinBeforeItIsStillToBeDone() {
        places.put(area.value(), new WorldMatrixRooms.Place("!a:example.org", false));
        queue.submit(join(9));
        queue.submit(kick(10));

        var result = handler.run(kick(10));

        assertThat(result.runAgainAfter()).isEqualTo(PersonWork.WAIT_FOR_EARLIER);
        verifyNoInteractions(homeserver);
    }

    @Test
    void theEarliestWorkRunsAtOnce() {
        places.put(area.value(), new WorldMatrixRooms.Place("!a:example.org", false));
        queue.submit(join(9));
        queue.submit(kick(10));

        assertThat(handler.run(join(9)).isDone()).isTrue();
        verify(homeserver).enterArea("!a:example.org", "@a:example.org", false);
    }

    @Test
    void aJoinWaitsForTheAreasMatrixRoom() {
        places.put(area.value(), new WorldMatrixRooms.Place(null, false));

        assertThat(handler.run(join(9)).isDone()).isFalse();
        verifyNoInteractions(homeserver);
    }

    @Test
    void nothingIsDoneInADeletedArea() {
        places.put(area.value(), new WorldMatrixRooms.Place("!a:example.org", true));

        assertThat(handler.run(join(9)).isDone()).isTrue();
        verifyNoInteractions(homeserver);
    }
}
