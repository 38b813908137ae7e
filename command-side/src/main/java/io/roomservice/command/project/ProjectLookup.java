package io.roomservice.command.project;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;

import java.util.Optional;

/** The command side's own view of which projects exist, for decisions about other aggregates. */
public interface ProjectLookup {

    Optional<Entry> find(ProjectId projectId);

    record Entry(ProjectId projectId, CustomerId customerId, String name, boolean deleted) {
    }
}
