package io.roomservice.api.resource;

import java.util.List;

/** The resources of one project, by name. */
public record ProjectResources(List<ResourceView> resources) {
}
