package io.roomservice.sagas.membership;

import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.membership.MemberSyncFinished;
import io.roomservice.api.order.OrderCreated;
import io.roomservice.api.order.OrderId;
import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderStateChanged;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.notice.PostOrderNotice;
import io.roomservice.sagas.notice.PostOrderNoticeHandler;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Order notices (reference, section 6): a state change, not the creation, is told in the project's
 * active room as "Order <verb>: <type> of <offering> (requested by <name|System>)."; the room's
 * {@link MemberSyncSaga} decides, {@link PostOrderNoticeHandler} posts.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderNoticesTest {

    private static final String MATRIX_ROOM = "!room:example.org";

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();
    private final OrderId orderId = new OrderId(UUID.randomUUID());
    private final UserId ada = UserId.random();
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

    private Object[] anActiveRoom() {
        return new Object[]{new RoomCreationRequested(roomId, projectId, customerId, "Apollo"),
                new RoomActivated(roomId, MATRIX_ROOM, "#rs-x:example.org"),
                new MemberSyncFinished(roomId, Long.MAX_VALUE, null)};
    }

    private OrderStateChanged moved(OrderState from, OrderState to, UserId requestedBy) {
        return new OrderStateChanged(orderId, projectId, from, to, "Create", "Small *VM*", null, requestedBy);
    }

    @Test
    void an_approved_order_is_told_in_the_room_with_its_type_offering_and_requester() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .whenAggregate(orderId.toString()).publishes(moved(OrderState.PENDING_PROVIDER, OrderState.EXECUTING, ada));

        assertThat(work.submitted(PostOrderNotice.class)).singleElement().satisfies(notice -> {
            assertThat(notice.verb()).isEqualTo("approved");
            assertThat(notice.type()).isEqualTo("Create");
            assertThat(notice.offering()).isEqualTo("Small \\*VM\\*");
            assertThat(notice.requestedBy()).isEqualTo(ada);
            assertThat(notice.matrixRoomId()).isEqualTo(MATRIX_ROOM);
            assertThat(notice.transactionId()).startsWith("rs-notice-");
            assertThat(notice.key()).startsWith("notice:" + roomId + ":");
        });
    }

    @ParameterizedTest(name = "{0} is told as \"{1}\"")
    @CsvSource({"DONE, completed", "REJECTED, rejected", "CANCELED, canceled", "ERRED, failed"})
    void an_order_that_reaches_a_final_state_is_told_with_the_reference_verb(OrderState to, String verb) {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .whenAggregate(orderId.toString()).publishes(moved(OrderState.EXECUTING, to, ada));

        assertThat(work.submitted(PostOrderNotice.class)).extracting(PostOrderNotice::verb).containsExactly(verb);
    }

    @Test
    void a_new_order_is_not_told_whatever_its_state() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .whenAggregate(orderId.toString()).publishes(new OrderCreated(orderId, projectId, "Create", "VM", null,
                        OrderState.EXECUTING, Instant.parse("2026-03-01T10:00:00Z"), ada));

        assertThat(work.submitted(PostOrderNotice.class)).isEmpty();
    }

    @Test
    void an_order_that_moves_on_to_pending_provider_is_not_told() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .whenAggregate(orderId.toString()).publishes(
                        moved(OrderState.PENDING_CONSUMER, OrderState.PENDING_PROVIDER, ada));

        assertThat(work.submitted(PostOrderNotice.class)).isEmpty();
    }

    @Test
    void an_order_of_a_project_whose_room_is_being_disabled_is_not_told() {
        fixture.givenAggregate(roomId.toString()).published(anActiveRoom())
                .andThenAggregate(roomId.toString()).published(
                        new RoomDisablingStarted(roomId, false, null, MATRIX_ROOM, 1))
                .whenAggregate(orderId.toString()).publishes(moved(OrderState.EXECUTING, OrderState.DONE, ada));

        assertThat(work.submitted(PostOrderNotice.class)).isEmpty();
    }

    @Test
    void an_order_of_a_project_whose_room_is_not_active_yet_is_not_told() {
        fixture.givenAggregate(roomId.toString()).published(new RoomCreationRequested(roomId, projectId, customerId, "Apollo"))
                .whenAggregate(orderId.toString()).publishes(moved(OrderState.EXECUTING, OrderState.DONE, ada));

        assertThat(work.submitted(PostOrderNotice.class)).isEmpty();
    }

    @Test
    void the_notice_names_the_requester_escaped_or_the_system_when_nobody_asked() {
        var homeserver = new InMemoryMemberHomeserver();
        var queries = mock(QueryGateway.class);
        when(queries.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(
                new DirectoryUser(ada, "ada", "Ada *Lovelace*", "ada@example.org", true)));
        var handler = new PostOrderNoticeHandler(new RoomNotices(queries, homeserver), work);

        handler.run(new PostOrderNotice(roomId, MATRIX_ROOM, "rs-notice-1", ada, "approved", "Create", "VM", 1));
        handler.run(new PostOrderNotice(roomId, MATRIX_ROOM, "rs-notice-2", null, "failed", "Terminate", "VM", 2));

        assertThat(homeserver.notices).containsExactly(
                "Order approved: Create of VM (requested by Ada \\*Lovelace\\*).",
                "Order failed: Terminate of VM (requested by System).");
    }
}
