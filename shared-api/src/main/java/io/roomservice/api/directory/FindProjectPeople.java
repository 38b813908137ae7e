package io.roomservice.api.directory;

import io.roomservice.api.project.ProjectId;

/**
 * Answers {@link ProjectPeople}: everyone with a role in the project, and everyone with a role in
 * its customer, each with their roles; null for an unknown project.
 */
public record FindProjectPeople(ProjectId projectId) {
}
