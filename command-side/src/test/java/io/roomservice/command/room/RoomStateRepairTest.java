package io.roomservice.command.room;

import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RepairRoomState;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomRenamed;
import io.roomservice.api.room.RoomStateRepairRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.roomservice.command.Refusals.rejectedAs;

/** The reconciliation's repair of a Matrix room's alias and name: asked with what the room's events say. */
class RoomStateRepairTest {

    private static final String MATRIX_ROOM_ID = "!apollo:matrix.example.org";
    private static final String ALIAS = "#rs-apollo:matrix.example.org";

    private final RoomId roomId = RoomId.random();
    private FixtureConfiguration<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
    }

    private RoomCreationRequested requested() {
        return new RoomCreationRequested(roomId, ProjectId.random(), CustomerId.random(), "Apollo");
    }

    @Test
    void anActiveRoomIsAskedToGetItsAliasAndCurrentNameAgain() {
        fixture.given(requested(), new RoomActivated(roomId, MATRIX_ROOM_ID, ALIAS), new RoomRenamed(roomId, "Artemis"))
                .when(new RepairRoomState(roomId))
                .expectEvents(new RoomStateRepairRequested(roomId, MATRIX_ROOM_ID, ALIAS, "Artemis"));
    }

    @Test
    void aRoomCreatedWithoutAnAliasGetsOnlyItsName() {
        fixture.given(requested(), new RoomActivated(roomId, MATRIX_ROOM_ID, null))
                .when(new RepairRoomState(roomId))
                .expectEvents(new RoomStateRepairRequested(roomId, MATRIX_ROOM_ID, null, "Apollo"));
    }

    @Test
    void aRoomThatIsNotActiveIsNotRepaired() {
        fixture.given(requested(), new RoomActivated(roomId, MATRIX_ROOM_ID, ALIAS),
                        new RoomDisablingStarted(roomId, false, "Project finished", MATRIX_ROOM_ID, 1))
                .when(new RepairRoomState(roomId))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, "room-wrong-state"));
    }
}
