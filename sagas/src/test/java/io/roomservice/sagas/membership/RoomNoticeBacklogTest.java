package io.roomservice.sagas.membership;

import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.customer.CustomerRoleGranted;
import io.roomservice.api.customer.CustomerRoleRevoked;
import io.roomservice.api.membership.MemberSyncFinished;
import io.roomservice.api.membership.MemberSyncRequested;
import io.roomservice.api.membership.ModeratorJoinRequested;
import io.roomservice.api.membership.ModeratorLeaveRequested;
import io.roomservice.api.order.OrderId;
import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderStateChanged;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.project.ProjectRoleGranted;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.notice.PostOrderNotice;
import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A role notice enters the work queue only once the sync its event asked for is done; the room's other
 * notices decided meanwhile are held behind it, so that every notice of the room keeps its event's place.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomNoticeBacklogTest {

    private static final String MATRIX_ROOM = "!room:example.org";

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();
    private final UserId ada = UserId.random();
    private final UserId sam = UserId.random();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private final MemberSynchronizer synchronizer = mock(MemberSynchronizer.class);
    private SagaTestFixture<MemberSyncSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(MemberSyncSaga.class);
        fixture.registerResource(synchronizer);
        fixture.registerResource(work);
        when(synchronizer.peopleOf(projectId)).thenReturn(Set.of());
    }

    /** The room is active and its first sync done; no sync runs. */
    private Object[] anActiveRoom() {
        return new Object[]{new RoomCreationRequested(roomId, projectId, customerId, "Apollo"),
                new RoomActivated(roomId, MATRIX_ROOM, "#rs-x:example.org"), finished(Long.MAX_VALUE)};
    }

    private MemberSyncFinished finished(long directoryPosition) {
        return new MemberSyncFinished(roomId, directoryPosition, null);
    }

    private ProjectRoleGranted adaGranted() {
        return new ProjectRoleGranted(projectId, customerId, ada, ProjectRole.MEMBER);
    }

    private OrderStateChanged approved() {
        return new OrderStateChanged(new OrderId(UUID.randomUUID()), projectId, OrderState.PENDING_PROVIDER,
                OrderState.EXECUTING, "Create", "VM", null, null);
    }

    private List<String> noticeKeys() {
        return work.submitted().stream().filter(w -> !(w instanceof SyncRoomMembers)).map(HomeserverWork::key).toList();
    }

    @Test
    void an_order_notice_decided_while_a_role_notice_waits_for_its_sync_follows_the_role_notice() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(projectId.toString()).published(adaGranted())
                .andThenAPublished(approved())
                .whenPublishingA(finished(Long.MAX_VALUE));

        assertThat(work.submitted(PostRoomNotice.class)).hasSize(1);
        assertThat(work.submitted(PostOrderNotice.class)).hasSize(1);
        assertThat(noticeKeys()).hasSize(2).isSorted();
        assertThat(work.submitted(PostRoomNotice.class).get(0).key())
                .isLessThan(work.submitted(PostOrderNotice.class).get(0).key());
    }

    @Test
    void the_held_order_notice_is_not_in_the_queue_before_the_role_notice() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(projectId.toString()).published(adaGranted())
                .whenPublishingA(approved());

        assertThat(work.submitted(PostOrderNotice.class)).isEmpty();
    }

    @Test
    void an_order_notice_goes_at_once_when_no_role_notice_waits_even_while_a_sync_runs() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(roomId.toString()).published(new MemberSyncRequested(roomId))
                .whenPublishingA(approved());

        assertThat(work.submitted(PostOrderNotice.class)).hasSize(1);
    }

    @Test
    void a_failed_sync_is_not_waited_for_the_held_notice_goes_and_the_role_notice_waits_for_the_next_sync() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(projectId.toString()).published(adaGranted())
                .andThenAPublished(approved())
                .whenPublishingA(new MemberSyncFinished(roomId, Long.MAX_VALUE, "Homeserver unreachable"));

        assertThat(work.submitted(PostOrderNotice.class)).hasSize(1);
        assertThat(work.submitted(PostRoomNotice.class)).isEmpty();
    }

    @Test
    void what_was_decided_after_a_role_notice_the_finished_sync_had_not_seen_waits_for_the_next_sync() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(projectId.toString()).published(adaGranted())
                .andThenAPublished(approved())
                .whenPublishingA(finished(0));

        assertThat(work.submitted(PostRoomNotice.class)).isEmpty();
        assertThat(work.submitted(PostOrderNotice.class)).isEmpty();
        assertThat(work.submitted(SyncRoomMembers.class)).hasSize(3);
    }

    @Test
    void a_staff_leave_decided_while_a_role_notice_waits_follows_it() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(roomId.toString()).published(new ModeratorJoinRequested(roomId, sam))
                .andThenAggregate(projectId.toString()).published(adaGranted())
                .andThenAggregate(roomId.toString()).published(new ModeratorLeaveRequested(roomId, sam))
                .whenPublishingA(finished(Long.MAX_VALUE));

        var staff = work.submitted(ModeratorWork.class);
        assertThat(staff).extracting(ModeratorWork::joining).containsExactly(true, false);
        assertThat(work.submitted(PostRoomNotice.class).get(0).key()).isLessThan(staff.get(1).key())
                .isGreaterThan(staff.get(0).key());
    }

    @Test
    void a_room_being_disabled_lets_its_held_order_notices_go_before_its_deactivation_notice() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(projectId.toString()).published(adaGranted())
                .andThenAPublished(approved())
                .whenAggregate(roomId.toString()).publishes(new RoomDisablingStarted(roomId, false, null, MATRIX_ROOM, 1));

        assertThat(work.submitted(PostOrderNotice.class)).hasSize(1);
    }

    @Test
    void customer_role_changes_sync_the_room_and_post_no_notice() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(customerId.toString()).published(
                        new CustomerRoleGranted(customerId, ada, CustomerRole.OWNER))
                .andThenAPublished(finished(Long.MAX_VALUE))
                .andThenAPublished(new CustomerRoleRevoked(customerId, ada, CustomerRole.OWNER))
                .whenPublishingA(finished(Long.MAX_VALUE));

        assertThat(work.submitted(SyncRoomMembers.class)).hasSize(3);
        assertThat(work.submitted(PostRoomNotice.class)).isEmpty();
    }
}
