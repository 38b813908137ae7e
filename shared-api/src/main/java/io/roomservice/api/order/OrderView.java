package io.roomservice.api.order;

import java.time.Instant;

/** An order as a project's read model shows it; {@code resourceName} null when it names no known resource. */
public record OrderView(OrderId orderId, String type, String offering, String resourceName, OrderState state,
                        Instant createdAt) {
}
