package io.roomservice.command.order;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.order.OrderCreated;
import io.roomservice.api.order.OrderId;
import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderStateChanged;
import io.roomservice.api.order.OrderUpdate;
import io.roomservice.api.order.RecordOrder;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.resource.ResourceRejections;
import io.roomservice.api.user.UserId;
import io.roomservice.command.project.ProjectLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order of the host platform. An aggregate of its own (not part of the project) so that a project
 * with many orders is not loaded whole for each of them, and two orders of one project never contend.
 * <p>
 * The host may deliver its updates late and out of order: the state only moves forward
 * ({@link OrderState#stage()}); an older state is ignored, and the answer says so. What the order is
 * (type, offering, resource, who asked) is fixed at creation: the host does not change it afterwards.
 */
@Aggregate(cache = "aggregateCache")
public class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private ProjectId projectId;
    private String type;
    private String offering;
    private ResourceId resourceId;
    private UserId requestedBy;
    private OrderState state;

    protected Order() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public OrderUpdate handle(RecordOrder command, ProjectLookup projects) {
        if (orderId == null) {
            projects.require(command.projectId());
            apply(new OrderCreated(command.orderId(), command.projectId(), command.type(), command.offering(),
                    command.resourceId(), command.state(), command.createdAt(), command.requestedBy()));
            return OrderUpdate.CREATED;
        }
        if (!projectId.equals(command.projectId())) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, ResourceRejections.PROJECT_MISMATCH,
                    "Order " + orderId + " belongs to another project.");
        }
        if (command.state() == state) {
            return OrderUpdate.UNCHANGED;
        }
        if (state.isFinal() || command.state().stage() <= state.stage()) {
            return OrderUpdate.OLDER_STATE_IGNORED;
        }
        apply(new OrderStateChanged(orderId, projectId, state, command.state(), type, offering, resourceId,
                requestedBy));
        return OrderUpdate.CHANGED;
    }

    @EventSourcingHandler
    void on(OrderCreated event) {
        orderId = event.orderId();
        projectId = event.projectId();
        type = event.type();
        offering = event.offering();
        resourceId = event.resourceId();
        requestedBy = event.requestedBy();
        state = event.state();
    }

    @EventSourcingHandler
    void on(OrderStateChanged event) {
        state = event.to();
    }
}
