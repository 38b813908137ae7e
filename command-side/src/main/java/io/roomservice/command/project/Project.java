package io.roomservice.command.project;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.DeleteProject;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.project.RegisterProject;
import io.roomservice.api.project.RenameProject;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project of the host platform, as far as roomservice needs it. The host may repeat any call,
 * so every command is idempotent: a repeat that changes nothing records nothing.
 */
@Aggregate
public class Project {

    @AggregateIdentifier
    private ProjectId projectId;
    private CustomerId customerId;
    private String name;
    private boolean deleted;

    protected Project() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterProject command) {
        if (projectId == null) {
            apply(new ProjectRegistered(command.projectId(), command.customerId(), command.name()));
            return;
        }
        if (deleted) {
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, "project-deleted",
                    "Project " + projectId + " was deleted and cannot be registered again.");
        }
        if (!customerId.equals(command.customerId())) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, "project-customer-mismatch",
                    "Project " + projectId + " is registered under another customer.");
        }
        if (!name.equals(command.name())) {
            apply(new ProjectRenamed(projectId, command.name()));
        }
    }

    @CommandHandler
    public void handle(RenameProject command) {
        requireNotDeleted();
        if (!name.equals(command.name())) {
            apply(new ProjectRenamed(projectId, command.name()));
        }
    }

    @CommandHandler
    public void handle(DeleteProject command) {
        if (!deleted) {
            apply(new ProjectDeleted(projectId));
        }
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, "project-deleted",
                    "Project " + projectId + " was deleted.");
        }
    }

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        projectId = event.projectId();
        customerId = event.customerId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(ProjectRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ProjectDeleted event) {
        deleted = true;
    }
}
