package io.roomservice.command.resource;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.RecordResource;
import io.roomservice.api.resource.ResourceChanged;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.resource.ResourceRegistered;
import io.roomservice.api.resource.ResourceRejections;
import io.roomservice.api.resource.ResourceState;
import io.roomservice.command.project.ProjectLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A resource of the host platform: its project, name and state. An aggregate of its own for the same
 * reason as an order's. A resource moves between any states (ok, updating, ok again), so the last
 * word of the host counts; a repeat records nothing.
 */
@Aggregate(cache = "aggregateCache")
public class Resource {

    @AggregateIdentifier
    private ResourceId resourceId;
    private ProjectId projectId;
    private String name;
    private ResourceState state;

    protected Resource() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordResource command, ProjectLookup projects) {
        if (resourceId == null) {
            projects.require(command.projectId());
            apply(new ResourceRegistered(command.resourceId(), command.projectId(), command.name(), command.state()));
            return true;
        }
        if (!projectId.equals(command.projectId())) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, ResourceRejections.PROJECT_MISMATCH,
                    "Resource " + resourceId + " belongs to another project.");
        }
        if (name.equals(command.name()) && state == command.state()) {
            return false;
        }
        apply(new ResourceChanged(resourceId, projectId, command.name(), command.state()));
        return true;
    }

    @EventSourcingHandler
    void on(ResourceRegistered event) {
        resourceId = event.resourceId();
        projectId = event.projectId();
        name = event.name();
        state = event.state();
    }

    @EventSourcingHandler
    void on(ResourceChanged event) {
        name = event.name();
        state = event.state();
    }
}
