package io.roomservice.api.customer;

import io.roomservice.api.project.CustomerId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerRenamed(CustomerId customerId, String name) {
}
