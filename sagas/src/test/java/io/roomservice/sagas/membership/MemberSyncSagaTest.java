package io.roomservice.sagas.membership;

import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.membership.MemberSyncRequested;
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
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.RetryPolicy;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The member sync saga follows its room, the project's roles and its people, and syncs when it should. */
class MemberSyncSagaTest {

    private static final String MATRIX_ROOM = "!room:example.org";

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();
    private final UserId ada = UserId.random();
    private final MemberSynchronizer synchronizer = mock(MemberSynchronizer.class);
    private final InMemoryMemberHomeserver homeserver = new InMemoryMemberHomeserver();
    private final QueryGateway queries = mock(QueryGateway.class);
    private SagaTestFixture<MemberSyncSaga> fixture;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        fixture = new SagaTestFixture<>(MemberSyncSaga.class);
        fixture.registerResource(synchronizer);
        fixture.registerResource(homeserver);
        fixture.registerResource(queries);
        fixture.registerResource(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)));
        when(synchronizer.sync(any(), any(), any(), anyLong(), anySet(), anySet()))
                .thenReturn(MemberSynchronizer.Outcome.DONE);
        when(synchronizer.peopleOf(projectId)).thenReturn(Set.of(ada));
        when(queries.query(any(FindDirectoryUser.class), any(ResponseType.class))).thenReturn(
                CompletableFuture.completedFuture(new DirectoryUser(ada, "ada", "Ada Lovelace", null, true)));
    }

    private RoomCreationRequested created() {
        return new RoomCreationRequested(roomId, projectId, customerId, "Apollo");
    }

    private RoomActivated activated() {
        return new RoomActivated(roomId, MATRIX_ROOM, "#rs-x:example.org");
    }

    private void verifySyncs(int times) {
        verify(synchronizer, times(times)).sync(eq(roomId), eq(MATRIX_ROOM), eq(projectId), anyLong(), anySet(),
                anySet());
    }

    @Test
    void aRoomThatBecomesActiveHasItsMembersSynced() {
        fixture.givenAggregate(roomId.toString()).published(created())
                .whenAggregate(roomId.toString()).publishes(activated())
                .expectActiveSagas(1)
                .expectAssociationWith("projectId", projectId.toString())
                .expectAssociationWith("customerId", customerId.toString())
                .expectAssociationWith("userId", ada.toString())
                .expectNoScheduledDeadlines();
        verifySyncs(1);
    }

    @Test
    void aSyncWaitsWhileTheDirectoryIsBehind() {
        when(synchronizer.sync(any(), any(), any(), anyLong(), anySet(), anySet()))
                .thenReturn(MemberSynchronizer.Outcome.DIRECTORY_BEHIND);

        fixture.givenAggregate(roomId.toString()).published(created())
                .whenAggregate(roomId.toString()).publishes(activated())
                .expectScheduledDeadlineWithName(MemberSyncSaga.DIRECTORY_WAIT, MemberSyncSaga.SYNC_DEADLINE);
    }

    @Test
    void aTransientHomeserverFailureIsRetriedOnADeadline() {
        when(synchronizer.sync(any(), any(), any(), anyLong(), anySet(), anySet()))
                .thenThrow(HomeserverException.transientFailure("Homeserver unreachable", null));

        fixture.givenAggregate(roomId.toString()).published(created())
                .whenAggregate(roomId.toString()).publishes(activated())
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), MemberSyncSaga.SYNC_DEADLINE);
    }

    @Test
    void aGrantedRoleIsAnnouncedInTheRoomAndSynced() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenAggregate(projectId.toString()).publishes(
                        new ProjectRoleGranted(projectId, customerId, ada, ProjectRole.ADMIN));

        assertThat(homeserver.notices).containsExactly("Ada Lovelace has been granted the Admin role.");
        verifySyncs(2);
    }

    @Test
    void aRevokedRoleIsAnnouncedInTheRoomAndSynced() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenAggregate(projectId.toString()).publishes(
                        new ProjectRoleRevoked(projectId, customerId, ada, ProjectRole.MEMBER));

        assertThat(homeserver.notices).containsExactly("Ada Lovelace has lost the Member role.");
        verifySyncs(2);
    }

    @Test
    void roleChangesOfARoomThatIsNotActiveAreNeitherAnnouncedNorSynced() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated(),
                        new RoomDisablingStarted(roomId, false, "Disabled on request."))
                .whenAggregate(projectId.toString()).publishes(
                        new ProjectRoleGranted(projectId, customerId, ada, ProjectRole.ADMIN));

        assertThat(homeserver.notices).isEmpty();
        verifySyncs(1);
    }

    @Test
    void aDeactivatedPersonsRoomsAreSynced() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenPublishingA(new UserDeactivated(ada));

        verifySyncs(2);
    }

    @Test
    void aRequestedSyncSyncs() {
        fixture.givenAggregate(roomId.toString()).published(created(), activated())
                .whenAggregate(roomId.toString()).publishes(new MemberSyncRequested(roomId));

        verifySyncs(2);
    }

    @Test
    void aDeletedRoomEndsTheSaga() {
        fixture.givenAggregate(roomId.toString()).published(created())
                .whenAggregate(roomId.toString()).publishes(new RoomDeleted(roomId, projectId))
                .expectActiveSagas(0);
        verify(synchronizer, never()).sync(any(), any(), any(), anyLong(), anySet(), anySet());
    }
}
