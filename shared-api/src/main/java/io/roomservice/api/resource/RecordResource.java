package io.roomservice.api.resource;

import io.roomservice.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The host platform tells what a resource of a project is now. Creates the resource when it is new;
 * a repeat changes nothing. Answers {@code true} when something was recorded.
 */
public record RecordResource(@TargetAggregateIdentifier ResourceId resourceId, ProjectId projectId, String name,
                             ResourceState state) {
}
