package io.roomservice.api.order;

import io.roomservice.api.project.ProjectId;

/** Answers {@link ProjectOrders}: the project's newest {@code limit} orders (by creation time). */
public record FindProjectOrders(ProjectId projectId, int limit) {
}
