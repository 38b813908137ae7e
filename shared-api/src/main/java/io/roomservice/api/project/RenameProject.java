package io.roomservice.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameProject(@TargetAggregateIdentifier ProjectId projectId, String name) {
}
