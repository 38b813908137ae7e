package io.roomservice.command.order;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.order.OrderCreated;
import io.roomservice.api.order.OrderId;
import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderStateChanged;
import io.roomservice.api.order.OrderUpdate;
import io.roomservice.api.order.RecordOrder;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;
import io.roomservice.command.project.KnownProject;
import io.roomservice.command.project.ProjectLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.roomservice.api.order.OrderState.CANCELED;
import static io.roomservice.api.order.OrderState.DONE;
import static io.roomservice.api.order.OrderState.EXECUTING;
import static io.roomservice.api.order.OrderState.PENDING_CONSUMER;
import static io.roomservice.api.order.OrderState.PENDING_PROVIDER;

class OrderTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private final OrderId orderId = new OrderId(UUID.randomUUID());
    private final ProjectId projectId = ProjectId.random();
    private final UserId asker = new UserId(UUID.randomUUID());
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource((ProjectLookup) project -> project.equals(projectId)
                ? Optional.of(new KnownProject(projectId, CustomerId.random(), "Apollo", false)) : Optional.empty());
    }

    private RecordOrder record(OrderState state) {
        return new RecordOrder(orderId, projectId, "Create", "VM", null, state, CREATED, asker);
    }

    private OrderCreated created(OrderState state) {
        return new OrderCreated(orderId, projectId, "Create", "VM", null, state, CREATED, asker);
    }

    @Test
    void aNewOrderIsCreatedInTheStateGiven() {
        fixture.givenNoPriorActivity()
                .when(record(PENDING_CONSUMER))
                .expectEvents(created(PENDING_CONSUMER))
                .expectResultMessagePayload(OrderUpdate.CREATED);
    }

    @Test
    void anOrderOfAnUnknownProjectIsRefusedAndNothingIsStored() {
        fixture.givenNoPriorActivity()
                .when(new RecordOrder(orderId, ProjectId.random(), "Create", "VM", null, PENDING_CONSUMER, CREATED, null))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void theStateMovesForwardWithWhatTheNoticeNeeds() {
        fixture.given(created(PENDING_CONSUMER))
                .when(record(EXECUTING))
                .expectEvents(new OrderStateChanged(orderId, projectId, PENDING_CONSUMER, EXECUTING, "Create", "VM",
                        null, asker))
                .expectResultMessagePayload(OrderUpdate.CHANGED);
    }

    @Test
    void aRepeatChangesNothing() {
        fixture.given(created(EXECUTING))
                .when(record(EXECUTING))
                .expectNoEvents()
                .expectResultMessagePayload(OrderUpdate.UNCHANGED);
    }

    @Test
    void anOlderStateDeliveredLateIsIgnoredAndSaidSo() {
        fixture.given(created(PENDING_CONSUMER),
                        new OrderStateChanged(orderId, projectId, PENDING_CONSUMER, EXECUTING, "Create", "VM", null, asker))
                .when(record(PENDING_PROVIDER))
                .expectNoEvents()
                .expectResultMessagePayload(OrderUpdate.OLDER_STATE_IGNORED);
    }

    @Test
    void aFinalStateIsNeverLeft() {
        fixture.given(created(DONE))
                .when(record(CANCELED))
                .expectNoEvents()
                .expectResultMessagePayload(OrderUpdate.OLDER_STATE_IGNORED);
    }

    @Test
    void anOrderUnderAnotherProjectIsAConflict() {
        fixture.given(created(PENDING_CONSUMER))
                .when(new RecordOrder(orderId, ProjectId.random(), "Create", "VM", null, EXECUTING, CREATED, asker))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }
}
