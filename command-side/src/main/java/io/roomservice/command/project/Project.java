package io.roomservice.command.project;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.DeleteProject;
import io.roomservice.api.project.GrantProjectRole;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.project.ProjectRoleGranted;
import io.roomservice.api.project.ProjectRoleRevoked;
import io.roomservice.api.project.RegisterProject;
import io.roomservice.api.project.RenameProject;
import io.roomservice.api.project.RevokeProjectRole;
import io.roomservice.command.user.RoleGrants;
import io.roomservice.command.user.UserLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project of the host platform, as far as roomservice needs it: its customer, its name, whether it
 * was deleted, and the roles it granted to people. The host may repeat any call, so every command is
 * idempotent: a repeat that changes nothing records nothing.
 * <p>
 * Grants and revocations answer whether they changed anything ({@code true}) or found it already so
 * ({@code false}). They create an instance when the project is unknown only to refuse with
 * {@code unknown-project}; a refused command stores nothing.
 */
@Aggregate(cache = "aggregateCache")
public class Project {

    public static final String UNKNOWN_PROJECT = "unknown-project";
    public static final String PROJECT_DELETED = "project-deleted";

    @AggregateIdentifier
    private ProjectId projectId;
    private CustomerId customerId;
    private String name;
    private boolean deleted;
    private final RoleGrants<ProjectRole> roles = new RoleGrants<>();

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
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, PROJECT_DELETED,
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

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(GrantProjectRole command, UserLookup users) {
        RoleGrants.requireRole(command.role());
        requireKnown(command.projectId());
        requireNotDeleted();
        users.requireActive(command.userId());
        if (roles.holds(command.userId(), command.role())) {
            return false;
        }
        apply(new ProjectRoleGranted(projectId, customerId, command.userId(), command.role()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RevokeProjectRole command) {
        RoleGrants.requireRole(command.role());
        requireKnown(command.projectId());
        requireNotDeleted();
        roles.requireEverGranted(command.userId(), command.role(), "project " + projectId);
        if (!roles.holds(command.userId(), command.role())) {
            return false;
        }
        apply(new ProjectRoleRevoked(projectId, customerId, command.userId(), command.role()));
        return true;
    }

    private void requireKnown(ProjectId target) {
        if (projectId == null) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, UNKNOWN_PROJECT,
                    "Project " + target + " is not known to the directory.");
        }
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, PROJECT_DELETED,
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

    @EventSourcingHandler
    void on(ProjectRoleGranted event) {
        roles.granted(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(ProjectRoleRevoked event) {
        roles.revoked(event.userId(), event.role());
    }
}
