package io.roomservice.command.project;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.ProjectId;

import java.util.Optional;

/** The command side's own view of the projects, for decisions of other aggregates (orders, resources). */
public interface ProjectLookup {

    Optional<KnownProject> find(ProjectId projectId);

    /** Refuses unless the project is known: the host must register a project before its orders and resources. */
    default KnownProject require(ProjectId projectId) {
        return find(projectId).orElseThrow(() -> new CommandRejectedException(RejectionReason.NOT_FOUND,
                Project.UNKNOWN_PROJECT, "Project " + projectId + " is not known to the directory."));
    }
}
