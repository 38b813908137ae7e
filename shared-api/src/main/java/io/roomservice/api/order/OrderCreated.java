package io.roomservice.api.order;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.user.UserId;

import java.time.Instant;

/** An order of a project became known, in the state given. No notice follows creation. */
public record OrderCreated(OrderId orderId, ProjectId projectId, String type, String offering, ResourceId resourceId,
                           OrderState state, Instant createdAt, UserId requestedBy) {
}
