package io.roomservice.api.project;

/** Answers a {@link ProjectView}, or nothing for an unknown project. */
public record FindProject(ProjectId projectId) {
}
