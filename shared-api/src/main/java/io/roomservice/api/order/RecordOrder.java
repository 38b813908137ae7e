package io.roomservice.api.order;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The host platform tells what an order of a project is now. Creates the order when it is new; moves
 * its state forward; a repeat or an older state changes nothing. Answers an {@link OrderUpdate}.
 *
 * @param resourceId  the resource the order is about; null when none (yet)
 * @param requestedBy the person who asked; null for the system
 */
public record RecordOrder(@TargetAggregateIdentifier OrderId orderId, ProjectId projectId, String type,
                          String offering, ResourceId resourceId, OrderState state, Instant createdAt,
                          UserId requestedBy) {
}
