package io.roomservice.command.project;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;

/** A project as the command side's look-up ({@code cmd_project_lookup}) knows it, for decisions about other aggregates. */
public record KnownProject(ProjectId projectId, CustomerId customerId, String name, boolean deleted) {
}
