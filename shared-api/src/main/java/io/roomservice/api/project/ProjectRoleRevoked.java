package io.roomservice.api.project;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** Carries the project's customer, so that handlers need no look-up to find the customer's owners. */
@Revision("1")
public record ProjectRoleRevoked(ProjectId projectId, CustomerId customerId, UserId userId, ProjectRole role) {
}
