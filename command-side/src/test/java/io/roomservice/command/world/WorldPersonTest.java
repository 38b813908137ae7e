package io.roomservice.command.world;

import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.user.UserId;
import io.roomservice.api.world.AreaEntered;
import io.roomservice.api.world.AreaLeft;
import io.roomservice.api.world.AreaPresenceTimedOut;
import io.roomservice.api.world.AreaVisit;
import io.roomservice.api.world.ChatIdLinked;
import io.roomservice.api.world.EnterArea;
import io.roomservice.api.world.LeaveArea;
import io.roomservice.api.world.LinkChatId;
import io.roomservice.api.world.PresenceRenewed;
import io.roomservice.api.world.RenewPresence;
import io.roomservice.api.world.SetWorldMembership;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldMembershipSet;
import io.roomservice.api.world.WorldRejections;
import io.roomservice.api.world.WorldRoomId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.roomservice.command.Refusals.rejectedAs;

class WorldPersonTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String ALICE = "@alice:example.org";

    private final UserId person = new UserId(UUID.randomUUID());
    private final WorldId world = new WorldId(UUID.randomUUID());
    private final WorldRoomId area = new WorldRoomId(UUID.randomUUID());
    private final WorldRoomId otherArea = new WorldRoomId(UUID.randomUUID());
    private final WorldRoomId mapRoom = new WorldRoomId(UUID.randomUUID());
    /** Who else is present with Alice's Matrix id, by area. */
    private final Set<WorldRoomId> sharedIdIn = new HashSet<>();
    /**
     * The fixture's clock cannot move between given commands, so a heartbeat just before the deadline is
     * a heartbeat at the same instant whose timeout reaches just as far past the first deadline.
     */
    private Duration timeout = TIMEOUT;
    private FixtureConfiguration<WorldPerson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorldPerson.class);
        fixture.registerInjectableResource((PresenceTimeout) () -> timeout);
        fixture.registerInjectableResource((WorldPlaces) new WorldPlaces() {
            @Override
            public Optional<Place> find(UUID placeId) {
                if (placeId.equals(world.value())) {
                    return Optional.of(new Place(world, Kind.WORLD, false));
                }
                if (placeId.equals(area.value()) || placeId.equals(otherArea.value())) {
                    return Optional.of(new Place(world, Kind.AREA, false));
                }
                if (placeId.equals(mapRoom.value())) {
                    return Optional.of(new Place(world, Kind.MAP, false));
                }
                return Optional.empty();
            }

            @Override
            public boolean defaultWorldExists() {
                return false;
            }
        });
        fixture.registerInjectableResource((AreaPresences) (areaId, matrixUserId, except) -> sharedIdIn.contains(areaId));
    }

    private ChatIdLinked linked() {
        return new ChatIdLinked(person, null, ALICE, List.of(), List.of());
    }

    private AreaEntered entered(WorldRoomId where, boolean moderator) {
        return new AreaEntered(person, world, where, ALICE, moderator, TIMEOUT);
    }

    @Test
    void enteringAnAreaRecordsTheVisitAndSetsAPresenceDeadline() {
        fixture.given(linked())
                .when(new EnterArea(person, world, area))
                .expectEvents(entered(area, false))
                .expectResultMessagePayload("entered")
                .expectScheduledDeadline(TIMEOUT, new PresenceDeadline(area, 1));
    }

    @Test
    void aPersonWithTheAdminTagEntersAsModerator() {
        fixture.given(linked(), new WorldMembershipSet(person, world, List.of("admin", "dev"), ALICE))
                .when(new EnterArea(person, world, area))
                .expectEvents(entered(area, true));
    }

    @Test
    void enteringAMapRoomOrAnUnknownAreaIsRefused() {
        fixture.given(linked())
                .when(new EnterArea(person, world, mapRoom))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, WorldRejections.NOT_AN_AREA));
        fixture.given(linked())
                .when(new EnterArea(person, world, new WorldRoomId(UUID.randomUUID())))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_AREA));
    }

    @Test
    void leavingKicksAndTheEarlierDeadlineThenFiresWithoutEffect() {
        fixture.given(linked(), entered(area, false))
                .andGivenCommands(new LeaveArea(person, world, area))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void leavingAnAreaRecordsTheLeaveWithAKick() {
        fixture.given(linked(), entered(area, false))
                .when(new LeaveArea(person, world, area))
                .expectEvents(new AreaLeft(person, world, area, ALICE, true, false))
                .expectResultMessagePayload("left");
    }

    @Test
    void aModeratorLeavingLosesTheirPowerWithTheKick() {
        fixture.given(linked(), new WorldMembershipSet(person, world, List.of("admin"), ALICE), entered(area, true))
                .when(new LeaveArea(person, world, area))
                .expectEvents(new AreaLeft(person, world, area, ALICE, true, true));
    }

    @Test
    void leavingDoesNotKickAMatrixIdAnotherPersonPresentThereShares() {
        sharedIdIn.add(area);
        fixture.given(linked(), entered(area, false))
                .when(new LeaveArea(person, world, area))
                .expectEvents(new AreaLeft(person, world, area, ALICE, false, false));
    }

    @Test
    void leavingAnAreaOneIsNotInChangesNothing() {
        fixture.given(linked())
                .when(new LeaveArea(person, world, area))
                .expectNoEvents()
                .expectResultMessagePayload("unchanged");
    }

    @Test
    void aLeaveOrHeartbeatOfAPersonNeverSeenMakesNoRecord() {
        fixture.givenNoPriorActivity()
                .when(new LeaveArea(person, world, area))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
        fixture.givenNoPriorActivity()
                .when(new RenewPresence(person, world))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void withoutAHeartbeatThePersonTimesOutOfTheArea() {
        fixture.given(linked())
                .andGivenCommands(new EnterArea(person, world, area))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectEvents(new AreaPresenceTimedOut(person, world, area, ALICE, true, false));
    }

    @Test
    void aHeartbeatJustBeforeTheDeadlineKeepsThePersonInTheArea() {
        var given = fixture.given(linked())
                .andGivenCommands(new EnterArea(person, world, area));
        timeout = TIMEOUT.plus(TIMEOUT).minusMillis(1); // a heartbeat 1 ms before the first deadline
        given.andGivenCommands(new RenewPresence(person, world))
                .whenTimeElapses(TIMEOUT.plusMillis(1))
                .expectNoEvents();
    }

    @Test
    void aRenewedVisitTimesOutOneTimeoutAfterTheLastHeartbeat() {
        var given = fixture.given(linked())
                .andGivenCommands(new EnterArea(person, world, area));
        timeout = TIMEOUT.plus(TIMEOUT).minusMillis(1);
        given.andGivenCommands(new RenewPresence(person, world))
                .whenTimeElapses(timeout.plusMillis(1))
                .expectEvents(new AreaPresenceTimedOut(person, world, area, ALICE, true, false));
    }

    @Test
    void aHeartbeatRenewsEveryAreaOfTheWorld() {
        fixture.given(linked(), entered(area, false), entered(otherArea, false))
                .when(new RenewPresence(person, world))
                .expectEvents(new PresenceRenewed(person, world, List.of(area, otherArea), TIMEOUT))
                .expectResultMessagePayload("renewed");
    }

    @Test
    void enteringAnAreaOneIsInCountsAsAHeartbeat() {
        fixture.given(linked(), entered(area, false))
                .when(new EnterArea(person, world, area))
                .expectEvents(new PresenceRenewed(person, world, List.of(area), TIMEOUT))
                .expectResultMessagePayload("renewed");
    }

    @Test
    void aHeartbeatWithoutAnyAreaChangesNothing() {
        fixture.given(linked())
                .when(new RenewPresence(person, world))
                .expectNoEvents()
                .expectResultMessagePayload("unchanged");
    }

    @Test
    void enteringAgainAfterATimeoutIsANewVisit() {
        fixture.given(linked(), entered(area, false), new AreaPresenceTimedOut(person, world, area, ALICE, true, false))
                .when(new EnterArea(person, world, area))
                .expectEvents(entered(area, false))
                .expectScheduledDeadline(TIMEOUT, new PresenceDeadline(area, 2));
    }

    @Test
    void theDeadlineOfAnEarlierVisitDoesNotEndALaterOne() {
        var given = fixture.given(linked())
                .andGivenCommands(new EnterArea(person, world, area), new LeaveArea(person, world, area));
        timeout = TIMEOUT.plusSeconds(60); // the second enter comes 60 s after the first
        given.andGivenCommands(new EnterArea(person, world, area))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aNewMatrixIdTakesTheAreasAlong() {
        fixture.given(linked(), new WorldMembershipSet(person, world, List.of(), ALICE), entered(area, false))
                .when(new LinkChatId(person, "@alice2:example.org"))
                .expectEvents(new ChatIdLinked(person, ALICE, "@alice2:example.org", List.of(world),
                        List.of(new AreaVisit(world, area, false, false))))
                .expectResultMessagePayload(true);
    }

    @Test
    void linkingTheSameMatrixIdAgainChangesNothing() {
        fixture.given(linked())
                .when(new LinkChatId(person, ALICE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aMemberOfAnUnknownWorldIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetWorldMembership(person, new WorldId(UUID.randomUUID()), List.of()))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_WORLD));
    }

    @Test
    void anEnterBeforeTheMatrixIdIsKnownIsRecordedWithoutOne() {
        fixture.givenNoPriorActivity()
                .when(new EnterArea(person, world, area))
                .expectEvents(new AreaEntered(person, world, area, null, false, TIMEOUT));
    }
}
