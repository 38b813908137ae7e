package io.roomservice.api.project;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProjectRenamed(ProjectId projectId, String name) {
}
