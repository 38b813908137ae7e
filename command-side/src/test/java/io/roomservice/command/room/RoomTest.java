package io.roomservice.command.room;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.membership.JoinRoomAsModerator;
import io.roomservice.api.membership.LeaveRoomAsModerator;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.ModeratorJoinRequested;
import io.roomservice.api.membership.ModeratorLeaveRequested;
import io.roomservice.api.membership.MemberSyncRequested;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.MemberSyncFinished;
import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.membership.RecordMemberSync;
import io.roomservice.api.membership.RequestMemberSync;
import io.roomservice.api.membership.RoomMembersChanged;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.CreateRoom;
import io.roomservice.api.room.DeleteRoom;
import io.roomservice.api.room.DisableRoom;
import io.roomservice.api.room.ReactivateRoom;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RecordRoomProvisioned;
import io.roomservice.api.room.RenameRoom;
import io.roomservice.api.room.ReprovisionRoom;
import io.roomservice.api.room.RetryRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomMembersRemoved;
import io.roomservice.api.room.RecordMembersRemoved;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReactivated;
import io.roomservice.api.room.RoomRenamed;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.user.UserId;
import io.roomservice.command.project.KnownProject;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.api.room.RoomState.ACTIVE;
import static io.roomservice.api.room.RoomState.ARCHIVED;
import static io.roomservice.api.room.RoomState.CREATING;
import static io.roomservice.api.room.RoomState.DISABLING;
import static io.roomservice.api.room.RoomState.ERROR;
import static io.roomservice.command.Refusals.rejectedAs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room state machine of the domain design, one test per allowed and per refused transition.
 * A refused transition records no event and names its refusal: reason and code, with
 * {@link io.roomservice.command.Refusals#rejectedAs}.
 */
class RoomTest {

    private static final String NAME = "Apollo";
    private static final String MATRIX_ROOM_ID = "!apollo:matrix.example.org";
    private static final String ALIAS = "#apollo:matrix.example.org";
    private static final String EARLIER_FAILURE = "Creating the room failed: M_FORBIDDEN";
    private static final String WRONG_STATE_CODE = "room-wrong-state";

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();

    private final Map<ProjectId, KnownProject> projects = new HashMap<>();
    private final Map<ProjectId, RoomId> roomsByProject = new HashMap<>();

    private FixtureConfiguration<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
        fixture.registerInjectableResource((RoomsByProject) (project, room) -> {
            var known = Optional.ofNullable(projects.get(project));
            boolean claimed = known.filter(p -> !p.deleted()).isPresent() && roomsByProject.putIfAbsent(project, room) == null;
            return new RoomsByProject.RoomClaim(known, claimed);
        });
        projects.put(projectId, new KnownProject(projectId, customerId, NAME, false));
    }

    // ---- CreateRoom -------------------------------------------------------------------------------

    @Test
    void aRoomIsRequestedForAKnownProjectWithTheProjectsNameAndCustomer() {
        fixture.givenNoPriorActivity()
                .when(new CreateRoom(roomId, projectId))
                .expectEvents(new RoomCreationRequested(roomId, projectId, customerId, NAME));
    }

    @Test
    void aRequestedRoomHasClaimedItsProjectsOneRoom() {
        fixture.givenNoPriorActivity()
                .when(new CreateRoom(roomId, projectId))
                .expectSuccessfulHandlerExecution();

        assertThat(roomsByProject).containsEntry(projectId, roomId);
    }

    @Test
    void aRoomCannotBeRequestedForAnUnknownProject() {
        fixture.givenNoPriorActivity()
                .when(new CreateRoom(roomId, ProjectId.random()))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, "unknown-project"));
    }

    @Test
    void aRoomCannotBeRequestedForADeletedProject() {
        projects.put(projectId, new KnownProject(projectId, customerId, NAME, true));

        fixture.givenNoPriorActivity()
                .when(new CreateRoom(roomId, projectId))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, "unknown-project"));
    }

    @Test
    void aProjectThatAlreadyHasARoomCannotGetASecondOne() {
        roomsByProject.put(projectId, RoomId.random());

        fixture.givenNoPriorActivity()
                .when(new CreateRoom(roomId, projectId))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, "project-already-has-room"));
    }

    // ---- RecordRoomProvisioned --------------------------------------------------------------------

    @Test
    void aCreatingRoomBecomesActiveWhenTheHomeserverProvisionedIt() {
        fixture.given(historyOf(CREATING))
                .when(new RecordRoomProvisioned(roomId, MATRIX_ROOM_ID, ALIAS))
                .expectEvents(new RoomActivated(roomId, MATRIX_ROOM_ID, ALIAS));
    }

    @Test
    void reportingTheSameProvisioningOfAnActiveRoomAgainChangesNothing() {
        fixture.given(historyOf(ACTIVE))
                .when(new RecordRoomProvisioned(roomId, MATRIX_ROOM_ID, ALIAS))
                .expectNoEvents();
    }

    @Test
    void anActiveRoomRefusesAProvisioningOfAnotherMatrixRoom() {
        fixture.given(historyOf(ACTIVE))
                .when(new RecordRoomProvisioned(roomId, "!other:matrix.example.org", ALIAS))
                .expectNoEvents()
                .expectException(wrongState());
    }

    @ParameterizedTest(name = "a room in state {0} cannot become active")
    @EnumSource(value = RoomState.class, names = {"DISABLING", "ARCHIVED", "ERROR"})
    void onlyACreatingRoomCanBecomeActive(RoomState state) {
        fixture.given(historyOf(state))
                .when(new RecordRoomProvisioned(roomId, MATRIX_ROOM_ID, ALIAS))
                .expectNoEvents()
                .expectException(wrongState());
    }

    @Test
    void aReprovisionedRoomBecomesActiveWithItsNewMatrixRoom() {
        var history = historyOf(ACTIVE);
        history.add(new RoomReprovisioningStarted(roomId, projectId, NAME, MATRIX_ROOM_ID));

        fixture.given(history)
                .when(new RecordRoomProvisioned(roomId, "!apollo:new-homeserver.example.org", ALIAS))
                .expectEvents(new RoomActivated(roomId, "!apollo:new-homeserver.example.org", ALIAS));
    }

    // ---- RecordRoomFailure ------------------------------------------------------------------------

    @ParameterizedTest(name = "a failure of a room in state {0} puts it in error")
    @EnumSource(value = RoomState.class, names = {"CREATING", "ACTIVE", "DISABLING", "ARCHIVED", "ERROR"})
    void aFailureInAnyStatePutsTheRoomInErrorAndRemembersWhereItFailed(RoomState state) {
        fixture.given(historyOf(state))
                .when(new RecordRoomFailure(roomId, "Kicking members failed: M_LIMIT_EXCEEDED"))
                .expectEvents(new RoomFailed(roomId, state, "Kicking members failed: M_LIMIT_EXCEEDED"));
    }

    @Test
    void theSameFailureReportedAgainForARoomInErrorChangesNothing() {
        fixture.given(historyOf(ERROR))
                .when(new RecordRoomFailure(roomId, EARLIER_FAILURE))
                .expectNoEvents();
    }

    // ---- RetryRoom --------------------------------------------------------------------------------

    @Test
    void aRoomInErrorCanBeRetried() {
        fixture.given(historyOf(ERROR))
                .when(new RetryRoom(roomId))
                .expectEvents(new RoomProvisioningRetried(roomId, projectId, NAME));
    }

    @Test
    void aRoomStuckInCreatingCanBeRetried() {
        fixture.given(historyOf(CREATING))
                .when(new RetryRoom(roomId))
                .expectEvents(new RoomProvisioningRetried(roomId, projectId, NAME));
    }

    @Test
    void aRoomStuckInDisablingRetriesTheDisabling() {
        fixture.given(historyOf(DISABLING))
                .when(new RetryRoom(roomId))
                .expectEvents(new RoomDisablingRetried(roomId, "Project finished", MATRIX_ROOM_ID, 1, false));
    }

    @Test
    void aRoomWhoseDisablingFailedResumesTheDisablingOnRetry() {
        var history = historyOf(DISABLING);
        history.add(new RoomFailed(roomId, DISABLING, "Kicking the members failed"));
        fixture.given(history)
                .when(new RetryRoom(roomId))
                .expectEvents(new RoomDisablingRetried(roomId, "Project finished", MATRIX_ROOM_ID, 1, false));
    }

    @Test
    void aRetryOfADisablingThatDeletesHistoryStillDeletesIt() {
        var history = historyOf(ACTIVE);
        history.add(new RoomDisablingStarted(roomId, true, "Project finished", MATRIX_ROOM_ID, 1));
        history.add(new RoomFailed(roomId, DISABLING, "Deleting the history exports failed after 6 attempt(s): disk"));
        fixture.given(history)
                .when(new RetryRoom(roomId))
                .expectEvents(new RoomDisablingRetried(roomId, "Project finished", MATRIX_ROOM_ID, 1, true));
    }

    @Test
    void aSecondRetryKeepsTheDisablingsDeleteHistoryToo() {
        var history = historyOf(ACTIVE);
        history.add(new RoomDisablingStarted(roomId, true, null, MATRIX_ROOM_ID, 1));
        history.add(new RoomFailed(roomId, DISABLING, "first"));
        history.add(new RoomDisablingRetried(roomId, null, MATRIX_ROOM_ID, 1, true));
        history.add(new RoomFailed(roomId, DISABLING, "second"));
        fixture.given(history)
                .when(new RetryRoom(roomId))
                .expectEvents(new RoomDisablingRetried(roomId, null, MATRIX_ROOM_ID, 1, true));
    }

    // ---- RecordMembersRemoved ---------------------------------------------------------------------

    @Test
    void theMembersOfTheCurrentDisablingAreRecordedAsRemovedOnce() {
        var history = historyOf(DISABLING);
        history.add(new RoomMembersRemoved(roomId, 1));
        fixture.given(historyOf(DISABLING))
                .when(new RecordMembersRemoved(roomId, 1))
                .expectEvents(new RoomMembersRemoved(roomId, 1));
        fixture.given(history)
                .when(new RecordMembersRemoved(roomId, 1))
                .expectNoEvents();
    }

    @Test
    void aReportAboutAnEarlierDisablingIsRefused() {
        var history = historyOf(ARCHIVED);
        history.add(new RoomReactivated(roomId, MATRIX_ROOM_ID));
        history.add(new RoomDisablingStarted(roomId, false, null, MATRIX_ROOM_ID, 2));
        fixture.given(history)
                .when(new RecordMembersRemoved(roomId, 1))
                .expectNoEvents()
                .expectException(wrongState());
    }

    @Test
    void aSecondDisablingCountsOnFromTheFirst() {
        var history = historyOf(ARCHIVED);
        history.add(new RoomReactivated(roomId, MATRIX_ROOM_ID));
        fixture.given(history)
                .when(new DisableRoom(roomId, false, null))
                .expectEvents(new RoomDisablingStarted(roomId, false, null, MATRIX_ROOM_ID, 2));
    }

    @ParameterizedTest(name = "a room in state {0} cannot be retried")
    @EnumSource(value = RoomState.class, names = {"ACTIVE", "ARCHIVED"})
    void onlyRoomsInErrorCreatingOrDisablingCanBeRetried(RoomState state) {
        fixture.given(historyOf(state))
                .when(new RetryRoom(roomId))
                .expectNoEvents()
                .expectException(wrongState())
                .expectExceptionMessage("Only rooms in error, creating or disabling state can be retried.");
    }

    // ---- DisableRoom ------------------------------------------------------------------------------

    @Test
    void anActiveRoomCanBeDisabled() {
        fixture.given(historyOf(ACTIVE))
                .when(new DisableRoom(roomId, true, "Project finished"))
                .expectEvents(new RoomDisablingStarted(roomId, true, "Project finished", MATRIX_ROOM_ID, 1));
    }

    @Test
    void aRoomInErrorCanBeDisabled() {
        fixture.given(historyOf(ERROR))
                .when(new DisableRoom(roomId, false, "Project deleted"))
                .expectEvents(new RoomDisablingStarted(roomId, false, "Project deleted", null, 1));
    }

    @ParameterizedTest(name = "a room in state {0} cannot be disabled")
    @EnumSource(value = RoomState.class, names = {"CREATING", "DISABLING", "ARCHIVED"})
    void onlyActiveRoomsAndRoomsInErrorCanBeDisabled(RoomState state) {
        fixture.given(historyOf(state))
                .when(new DisableRoom(roomId, false, "Project finished"))
                .expectNoEvents()
                .expectException(wrongState());
    }

    // ---- ArchiveRoom ------------------------------------------------------------------------------

    @Test
    void aDisablingRoomCanBeArchived() {
        fixture.given(historyOf(DISABLING))
                .when(new ArchiveRoom(roomId))
                .expectEvents(new RoomArchived(roomId));
    }

    @Test
    void archivingAnArchivedRoomAgainChangesNothing() {
        fixture.given(historyOf(ARCHIVED))
                .when(new ArchiveRoom(roomId))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a room in state {0} cannot be archived")
    @EnumSource(value = RoomState.class, names = {"CREATING", "ACTIVE", "ERROR"})
    void onlyDisablingRoomsCanBeArchived(RoomState state) {
        fixture.given(historyOf(state))
                .when(new ArchiveRoom(roomId))
                .expectNoEvents()
                .expectException(wrongState());
    }

    // ---- ReactivateRoom ---------------------------------------------------------------------------

    @Test
    void anArchivedRoomCanBeReactivated() {
        fixture.given(historyOf(ARCHIVED))
                .when(new ReactivateRoom(roomId))
                .expectEvents(new RoomReactivated(roomId, MATRIX_ROOM_ID));
    }

    @ParameterizedTest(name = "a room in state {0} cannot be reactivated")
    @EnumSource(value = RoomState.class, names = {"CREATING", "ACTIVE", "DISABLING", "ERROR"})
    void onlyArchivedRoomsCanBeReactivated(RoomState state) {
        fixture.given(historyOf(state))
                .when(new ReactivateRoom(roomId))
                .expectNoEvents()
                .expectException(wrongState());
    }

    // ---- DeleteRoom -------------------------------------------------------------------------------

    @ParameterizedTest(name = "a room in state {0} can be deleted")
    @EnumSource(value = RoomState.class, names = {"ERROR", "CREATING", "ARCHIVED"})
    void aRoomInErrorCreatingOrArchivedCanBeDeleted(RoomState state) {
        fixture.given(historyOf(state))
                .when(new DeleteRoom(roomId))
                .expectEvents(new RoomDeleted(roomId, projectId))
                .expectMarkedDeleted();
    }

    @ParameterizedTest(name = "a room in state {0} cannot be deleted")
    @EnumSource(value = RoomState.class, names = {"ACTIVE", "DISABLING"})
    void activeAndDisablingRoomsCannotBeDeleted(RoomState state) {
        fixture.given(historyOf(state))
                .when(new DeleteRoom(roomId))
                .expectNoEvents()
                .expectException(wrongState());
    }

    @Test
    void aDeletedRoomAcceptsNoFurtherCommands() {
        var history = historyOf(ERROR);
        history.add(new RoomDeleted(roomId, projectId));

        fixture.given(history)
                .when(new RetryRoom(roomId))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }

    // ---- ReprovisionRoom --------------------------------------------------------------------------

    @Test
    void anActiveRoomCanBeReprovisionedAndKeepsItsPreviousMatrixRoomId() {
        fixture.given(historyOf(ACTIVE))
                .when(new ReprovisionRoom(roomId))
                .expectEvents(new RoomReprovisioningStarted(roomId, projectId, NAME, MATRIX_ROOM_ID));
    }

    @ParameterizedTest(name = "a room in state {0} cannot be reprovisioned")
    @EnumSource(value = RoomState.class, names = {"CREATING", "DISABLING", "ARCHIVED", "ERROR"})
    void onlyActiveRoomsCanBeReprovisioned(RoomState state) {
        fixture.given(historyOf(state))
                .when(new ReprovisionRoom(roomId))
                .expectNoEvents()
                .expectException(wrongState());
    }

    // ---- Members ----------------------------------------------------------------------------------

    @Test
    void aMemberSyncCanBeRequestedForAnActiveRoom() {
        fixture.given(historyOf(ACTIVE))
                .when(new RequestMemberSync(roomId))
                .expectEvents(new MemberSyncRequested(roomId));
    }

    @ParameterizedTest(name = "a member sync cannot be requested for a room in state {0}")
    @EnumSource(value = RoomState.class, names = {"CREATING", "DISABLING", "ARCHIVED", "ERROR"})
    void onlyActiveRoomsCanBeSynced(RoomState state) {
        fixture.given(historyOf(state))
                .when(new RequestMemberSync(roomId))
                .expectNoEvents()
                .expectException(wrongState());
    }

    @Test
    void whatTheHomeserverDidToMembersIsRecordedInAnyState() {
        var kicked = List.of(new MemberChange(UserId.random(), "@rs-alice:example.org", Membership.LEFT, 0,
                "The room is being archived."));
        fixture.given(historyOf(DISABLING))
                .when(new RecordMemberChanges(roomId, kicked))
                .expectEvents(new RoomMembersChanged(roomId, kicked));
    }

    @Test
    void staffCanJoinAnActiveRoomAsModeratorOnce() {
        var staff = UserId.random();
        fixture.given(historyOf(ACTIVE))
                .when(new JoinRoomAsModerator(roomId, staff))
                .expectEvents(new ModeratorJoinRequested(roomId, staff));
        var joined = historyOf(ACTIVE);
        joined.add(new ModeratorJoinRequested(roomId, staff));
        fixture.given(joined)
                .when(new JoinRoomAsModerator(roomId, staff))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a room in state {0} cannot be joined as moderator")
    @EnumSource(value = RoomState.class, names = {"CREATING", "DISABLING", "ARCHIVED", "ERROR"})
    void onlyActiveRoomsCanBeJoinedAsModerator(RoomState state) {
        fixture.given(historyOf(state))
                .when(new JoinRoomAsModerator(roomId, UserId.random()))
                .expectNoEvents()
                .expectException(wrongState());
    }

    @Test
    void aModeratorCanLeaveOnceAndNobodyElseCanLeaveThatWay() {
        var staff = UserId.random();
        var joined = historyOf(ACTIVE);
        joined.add(new ModeratorJoinRequested(roomId, staff));
        fixture.given(joined)
                .when(new LeaveRoomAsModerator(roomId, staff))
                .expectEvents(new ModeratorLeaveRequested(roomId, staff));

        var left = new ArrayList<>(joined);
        left.add(new ModeratorLeaveRequested(roomId, staff));
        fixture.given(left)
                .when(new LeaveRoomAsModerator(roomId, staff))
                .expectNoEvents();

        fixture.given(historyOf(ACTIVE))
                .when(new LeaveRoomAsModerator(roomId, UserId.random()))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, "not-a-moderator"));
    }

    @Test
    void noMemberChangesRecordNothing() {
        fixture.given(historyOf(ACTIVE))
                .when(new RecordMemberChanges(roomId, List.of()))
                .expectNoEvents();
    }

    @Test
    void aFinishedMemberSyncRecordsWhatItChangedAndThatItEnded() {
        var joined = List.of(new MemberChange(UserId.random(), "@rs-ada:example.org", Membership.JOINED, 50,
                "Has a role in the project."));
        fixture.given(historyOf(ACTIVE))
                .when(new RecordMemberSync(roomId, 42, joined, null))
                .expectEvents(new RoomMembersChanged(roomId, joined), new MemberSyncFinished(roomId, 42, null));
    }

    @Test
    void aSyncThatChangedNothingStillRecordsThatItEnded() {
        fixture.given(historyOf(ACTIVE))
                .when(new RecordMemberSync(roomId, 42, List.of(), null))
                .expectEvents(new MemberSyncFinished(roomId, 42, null));
    }

    @Test
    void aFailedSyncIsRecordedWithItsReasonWhateverTheRoomsStateNowIs() {
        fixture.given(historyOf(DISABLING))
                .when(new RecordMemberSync(roomId, 7, List.of(), "Member sync failed after 6 attempt(s): 502"))
                .expectEvents(new MemberSyncFinished(roomId, 7, "Member sync failed after 6 attempt(s): 502"));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The events that bring a room into {@code state} along the usual path. */
    // ---- RenameRoom -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = RoomState.class, names = {"CREATING", "ACTIVE", "DISABLING", "ARCHIVED", "ERROR"})
    void aRoomInAnyStateTakesItsProjectsNewName(RoomState state) {
        fixture.given(historyOf(state))
                .when(new RenameRoom(roomId, "Artemis"))
                .expectEvents(new RoomRenamed(roomId, "Artemis"));
    }

    @Test
    void theNameTheRoomAlreadyHasRecordsNothing() {
        fixture.given(historyOf(ACTIVE))
                .andGiven(new RoomRenamed(roomId, "Artemis"))
                .when(new RenameRoom(roomId, "Artemis"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRenamedRoomIsReprovisionedUnderItsNewName() {
        fixture.given(historyOf(ACTIVE))
                .andGiven(new RoomRenamed(roomId, "Artemis"))
                .when(new ReprovisionRoom(roomId))
                .expectEvents(new RoomReprovisioningStarted(roomId, projectId, "Artemis", MATRIX_ROOM_ID));
    }

    private List<Object> historyOf(RoomState state) {
        var events = new ArrayList<Object>();
        events.add(new RoomCreationRequested(roomId, projectId, customerId, NAME));
        switch (state) {
            case CREATING -> {
            }
            case ERROR -> events.add(new RoomFailed(roomId, CREATING, EARLIER_FAILURE));
            case ACTIVE -> events.add(new RoomActivated(roomId, MATRIX_ROOM_ID, ALIAS));
            case DISABLING -> {
                events.add(new RoomActivated(roomId, MATRIX_ROOM_ID, ALIAS));
                events.add(new RoomDisablingStarted(roomId, false, "Project finished", MATRIX_ROOM_ID, 1));
            }
            case ARCHIVED -> {
                events.add(new RoomActivated(roomId, MATRIX_ROOM_ID, ALIAS));
                events.add(new RoomDisablingStarted(roomId, false, "Project finished", MATRIX_ROOM_ID, 1));
                events.add(new RoomArchived(roomId));
            }
            case DELETED -> throw new IllegalArgumentException("a deleted room has no usable history");
        }
        return events;
    }

    private static Matcher<CommandRejectedException> wrongState() {
        return rejectedAs(RejectionReason.WRONG_STATE, WRONG_STATE_CODE);
    }
}
