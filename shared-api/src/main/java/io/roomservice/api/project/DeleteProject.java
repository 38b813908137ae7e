package io.roomservice.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The host platform removed the project; a repeat is a no-op. */
public record DeleteProject(@TargetAggregateIdentifier ProjectId projectId) {
}
