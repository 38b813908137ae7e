package io.roomservice.api.project;

public record ProjectView(ProjectId projectId, CustomerId customerId, String name, boolean deleted) {
}
