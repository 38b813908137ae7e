package io.roomservice.api.resource;

import io.roomservice.api.project.ProjectId;

/** A resource of a project became known. */
public record ResourceRegistered(ResourceId resourceId, ProjectId projectId, String name, ResourceState state) {
}
