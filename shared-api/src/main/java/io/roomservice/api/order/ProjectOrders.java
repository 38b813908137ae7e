package io.roomservice.api.order;

import java.util.List;

/** A project's newest orders, newest first, and how many of all its orders wait for approval. */
public record ProjectOrders(List<OrderView> newest, long pendingApproval) {
}
