package io.roomservice.api.resource;

import io.roomservice.api.project.ProjectId;

/** Answers {@link ProjectResources}: every resource of the project, by name. */
public record FindProjectResources(ProjectId projectId) {
}
