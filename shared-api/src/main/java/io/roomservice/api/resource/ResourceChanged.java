package io.roomservice.api.resource;

import io.roomservice.api.project.ProjectId;

/** A known resource was renamed or changed state; carries both, as they are now. */
public record ResourceChanged(ResourceId resourceId, ProjectId projectId, String name, ResourceState state) {
}
