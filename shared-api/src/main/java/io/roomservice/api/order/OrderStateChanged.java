package io.roomservice.api.order;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.user.UserId;

/**
 * An order moved forward. Carries what its room notice needs (type, offering, who asked), so that
 * the notice is decided from this event alone.
 */
public record OrderStateChanged(OrderId orderId, ProjectId projectId, OrderState from, OrderState to, String type,
                                String offering, ResourceId resourceId, UserId requestedBy) {
}
