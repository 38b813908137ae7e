package io.roomservice.api.customer;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerRoleRevoked(CustomerId customerId, UserId userId, CustomerRole role) {
}
