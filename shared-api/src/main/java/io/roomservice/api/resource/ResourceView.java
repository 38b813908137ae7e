package io.roomservice.api.resource;

/** A resource as a project's read model shows it. */
public record ResourceView(ResourceId resourceId, String name, ResourceState state) {
}
