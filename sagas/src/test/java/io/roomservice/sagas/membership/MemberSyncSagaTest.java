package io.roomservice.sagas.membership;

import io.roomservice.api.membership.MemberSyncFinished;
import io.roomservice.api.membership.MemberSyncRequested;
import io.roomservice.api.membership.ModeratorJoinRequested;
import io.roomservice.api.membership.ModeratorLeaveRequested;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.project.ProjectRoleGranted;
import io.roomservice.api.project.ProjectRoleRevoked;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomReactivated;
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserUpdated;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The member sync saga follows its room, the project's roles and its people, and submits one sync at a
 * time; the sync (homeserver work) reports back with {@link MemberSyncFinished}.
 */
class MemberSyncSagaTest {

    private static final String MATRIX_ROOM = "!room:example.org";

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();
    private final UserId ada = UserId.random();
    private final MemberSynchronizer synchronizer = mock(MemberSynchronizer.class);
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private SagaTestFixture<MemberSyncSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(MemberSyncSaga.class);
        fixture.registerResource(synchronizer);
        fixture.registerResource(work);
        when(synchronizer.peopleOf(projectId)).thenReturn(Set.of(ada));
    }

    private RoomCreationRequested created() {
        return new RoomCreationRequested(roomId, projectId, customerId, "Apollo");
    }

    private RoomActivated activated() {
        return new RoomActivated(roomId, MATRIX_ROOM, "#rs-x:example.org");
    }

    private MemberSyncFinished finished() {
        return new MemberSyncFinished(roomId, Long.MAX_VALUE, null);
    }

    private long syncs() {
        return work.submitted(SyncRoomMembers.class).size();
    }

    @Test
    void aRoomThatBecomesActiveHasItsMembersSynced() {
        fixture.givenAggregate(roomId.toString()).published(created())
                .whenAggregate(roomId.toString()).publishes(activated())
                .expectActiveSagas(1)
                .expectAssociationWith("projectId", projectId.toString())
                .expectAssociationWith("customerId", customerId.toString())
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();

        assertThat(work.submitted(SyncRoomMembers.class)).singleElement().satisfies(sync -> {
            assertThat(sync.roomId()).isEqualTo(roomId);
            assertThat(sync.matrixRoomId()).isEqualTo(MATRIX_ROOM);
            assertThat(sync.projectId()).isEqualTo(projectId);
        });
    }

    @Test
    void thePeopleOfTheProjectAreFollowedFromTheRoomsCreationOn() {
        fixture.givenNoPriorActivity()
                .whenAggregate(roomId.toString()).publishes(created())
                .expectAssociationWith("userId", ada.toString());
    }

    @Test
    void aFinishedSyncFollowsWhoeverTheDirectoryNowLists() {
        var bea = UserId.random();
        when(synchronizer.peopleOf(projectId)).thenReturn(Set.of(ada)).thenReturn(Set.of(ada, bea));

        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenAggregate(roomId.toString()).publishes(finished())
                .expectAssociationWith("userId", bea.toString());
    }

    /** A deactivation right after a grant must reach the room even before the grant's sync has finished. */
    @Test
    void aPersonGrantedARoleIsFollowedAtOnce() {
        var bea = UserId.random();
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenAggregate(projectId.toString()).publishes(
                        new ProjectRoleGranted(projectId, customerId, bea, ProjectRole.MEMBER))
                .expectAssociationWith("userId", bea.toString());
    }

    /** The fixture hands events over as a processor does, each at the next global index. */
    @Test
    void changesWhileASyncRunsStartTheNextSyncWhenItFinishes() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .andThenAPublished(new MemberSyncRequested(roomId))
                .andThenAPublished(new UserDeactivated(ada))
                .whenPublishingA(new MemberSyncFinished(roomId, 1, null));

        var syncs = work.submitted(SyncRoomMembers.class);
        assertThat(syncs).hasSize(2);
        assertThat(syncs.get(1).waitForPosition()).isGreaterThan(syncs.get(0).waitForPosition()).isGreaterThan(1);
    }

    @Test
    void aSyncThatHasSeenEveryRequestIsNotRepeated() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .andThenAPublished(new MemberSyncRequested(roomId))
                .whenPublishingA(finished());

        assertThat(syncs()).isEqualTo(1);
    }

    @Test
    void aGrantedRoleIsNotAnnouncedBeforeASyncHasSeenIt() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished())
                .whenAggregate(projectId.toString()).publishes(
                        new ProjectRoleGranted(projectId, customerId, ada, ProjectRole.ADMIN));

        assertThat(work.submitted(PostRoomNotice.class)).isEmpty();
        assertThat(syncs()).isEqualTo(2);
    }

    @Test
    void aGrantedRoleIsAnnouncedOnceItsSyncIsDone() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished())
                .andThenAggregate(projectId.toString()).published(
                        new ProjectRoleGranted(projectId, customerId, ada, ProjectRole.ADMIN))
                .whenAggregate(roomId.toString()).publishes(finished());

        assertThat(work.submitted(PostRoomNotice.class)).singleElement().satisfies(notice -> {
            assertThat(notice.about()).isEqualTo(ada);
            assertThat(notice.what()).isEqualTo("has been granted the Project Admin role.");
            assertThat(notice.matrixRoomId()).isEqualTo(MATRIX_ROOM);
            assertThat(notice.transactionId()).startsWith("rs-notice-");
        });
    }

    @Test
    void aRevokedRoleIsAnnouncedAfterItsSync() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished())
                .andThenAggregate(projectId.toString()).published(
                        new ProjectRoleRevoked(projectId, customerId, ada, ProjectRole.MEMBER))
                .whenAggregate(roomId.toString()).publishes(finished());

        assertThat(work.submitted(PostRoomNotice.class)).extracting(PostRoomNotice::what)
                .containsExactly("has lost the Project Member role.");
    }

    @Test
    void aFailedSyncKeepsItsNoticesForTheNextSync() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished())
                .andThenAggregate(projectId.toString()).published(
                        new ProjectRoleGranted(projectId, customerId, ada, ProjectRole.ADMIN))
                .whenAggregate(roomId.toString()).publishes(
                        new MemberSyncFinished(roomId, Long.MAX_VALUE, "Homeserver unreachable"));

        assertThat(work.submitted(PostRoomNotice.class)).isEmpty();
    }

    @Test
    void roleChangesOfARoomThatIsNotActiveAreNeitherAnnouncedNorSynced() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished(),
                        new RoomDisablingStarted(roomId, false, null, "!room:example.org", 1))
                .whenAggregate(projectId.toString()).publishes(
                        new ProjectRoleGranted(projectId, customerId, ada, ProjectRole.ADMIN));

        assertThat(work.submitted(PostRoomNotice.class)).isEmpty();
        assertThat(syncs()).isEqualTo(1);
    }

    @Test
    void disablingWithdrawsAWaitingSyncAndReactivationSyncsAgain() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(),
                        new RoomDisablingStarted(roomId, false, null, "!room:example.org", 1))
                .whenAggregate(roomId.toString()).publishes(new RoomReactivated(roomId, "!room:example.org"));

        assertThat(work.cancelled()).containsExactly(SyncRoomMembers.keyOf(roomId));
        assertThat(syncs()).isEqualTo(2);
    }

    @Test
    void aReactivatedRoomSaysSoBeforeItsMembersComeBack() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(),
                        new RoomDisablingStarted(roomId, false, null, "!room:example.org", 1))
                .whenAggregate(roomId.toString()).publishes(new RoomReactivated(roomId, "!room:example.org"));

        assertThat(work.submitted(PostRoomNotice.class)).singleElement().satisfies(notice -> {
            assertThat(notice.what()).isEqualTo("Chat room was reactivated");
            assertThat(notice.about()).isNull();
        });
    }

    @Test
    void aSyncRunningWhenTheRoomIsDisabledIsWaitedForBeforeTheNextOne() {
        work.running(SyncRoomMembers.keyOf(roomId));

        fixture.givenAggregate(roomId.toString()).published(created(), activated(),
                        new RoomDisablingStarted(roomId, false, null, "!room:example.org", 1))
                .whenAggregate(roomId.toString()).publishes(new RoomReactivated(roomId, "!room:example.org"));

        assertThat(syncs()).isEqualTo(1);
    }

    @Test
    void aRenamedPersonIsSyncedWithTheirNewName() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished())
                .whenPublishingA(new UserUpdated(ada, null, null, null));

        assertThat(work.submitted(SyncRoomMembers.class)).last()
                .satisfies(sync -> assertThat(sync.renamed()).containsExactly(ada));
    }

    @Test
    void aModeratorJoinsThroughHomeserverWorkAndIsKeptByLaterSyncs() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished())
                .andThenAggregate(roomId.toString()).published(new ModeratorJoinRequested(roomId, ada))
                .whenAggregate(roomId.toString()).publishes(new MemberSyncRequested(roomId));

        assertThat(work.submitted(ModeratorWork.class)).singleElement()
                .satisfies(join -> assertThat(join.joining()).isTrue());
        assertThat(work.submitted(SyncRoomMembers.class)).last()
                .satisfies(sync -> assertThat(sync.moderators()).containsExactly(ada));
    }

    /** The join's notice is one of the room's notices: it keeps its request's place among them. */
    @Test
    void aModeratorJoinIsKeyedInTheRoomsOrderOfNoticesByItsRequest() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(), finished())
                .whenAggregate(roomId.toString()).publishes(new ModeratorJoinRequested(roomId, ada));

        assertThat(work.submitted(ModeratorWork.class)).singleElement().satisfies(join -> {
            assertThat(join.position()).isPositive();
            assertThat(join.key()).startsWith("notice:" + roomId + ":").endsWith(":rs-notice-" + join.requestEventId());
        });
    }

    @Test
    void aModeratorWhoAsksToJoinWhileASyncRunsJoinsWhenThatSyncIsDone() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .andThenAggregate(roomId.toString()).published(new ModeratorJoinRequested(roomId, ada))
                .whenAggregate(roomId.toString()).publishes(finished());

        assertThat(work.submitted(ModeratorWork.class)).singleElement()
                .satisfies(join -> assertThat(join.userId()).isEqualTo(ada));
    }

    @Test
    void aModeratorJoinWaitingForTheRunningSyncIsNotSubmittedBeforeIt() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenAggregate(roomId.toString()).publishes(new ModeratorJoinRequested(roomId, ada));

        assertThat(work.submitted(ModeratorWork.class)).isEmpty();
    }

    @Test
    void onlySomeoneWhoJoinedAsModeratorLeavesThatWay() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenAggregate(roomId.toString()).publishes(new ModeratorLeaveRequested(roomId, ada));

        assertThat(work.submitted(ModeratorWork.class)).isEmpty();
    }

    @Test
    void aDeletedRoomEndsTheSaga() {
        fixture.givenAggregate(roomId.toString()).published(created())
                .whenAggregate(roomId.toString()).publishes(new RoomDeleted(roomId, projectId))
                .expectActiveSagas(0);
        assertThat(syncs()).isZero();
    }
}
