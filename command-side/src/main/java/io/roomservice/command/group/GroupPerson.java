package io.roomservice.command.group;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.group.DeleteGroupPerson;
import io.roomservice.api.group.GroupPersonDeleted;
import io.roomservice.api.group.GroupPersonIds;
import io.roomservice.api.group.GroupPersonMatrixIdChanged;
import io.roomservice.api.group.GroupPersonRecorded;
import io.roomservice.api.group.GroupRejections;
import io.roomservice.api.group.RecordGroupPerson;
import io.roomservice.api.user.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of the community platform's groups, with the Matrix id their groups invite: the default one
 * in roomservice's namespace or one they chose, possibly on another homeserver. Changing it makes every
 * group of theirs invite the new id ({@code GroupPersonSaga}).
 */
@Aggregate
public class GroupPerson {

    @AggregateIdentifier
    private String personId;
    private UserId userId;
    private String matrixUserId;
    private boolean external;
    private boolean deleted;

    protected GroupPerson() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordGroupPerson command) {
        if (personId == null || deleted) {
            apply(new GroupPersonRecorded(command.userId(), command.matrixUserId(), command.external()));
            return true;
        }
        if (matrixUserId.equals(command.matrixUserId()) && external == command.external()) {
            return false;
        }
        apply(new GroupPersonMatrixIdChanged(userId, matrixUserId, command.matrixUserId(), command.external()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(DeleteGroupPerson command) {
        if (personId == null) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, GroupRejections.UNKNOWN_PERSON,
                    "Person " + command.userId() + " is not known to the groups.");
        }
        if (deleted) {
            return false;
        }
        apply(new GroupPersonDeleted(userId, matrixUserId));
        return true;
    }

    @EventSourcingHandler
    void on(GroupPersonRecorded event) {
        personId = GroupPersonIds.of(event.userId());
        userId = event.userId();
        matrixUserId = event.matrixUserId();
        external = event.external();
        deleted = false;
    }

    @EventSourcingHandler
    void on(GroupPersonMatrixIdChanged event) {
        matrixUserId = event.matrixUserId();
        external = event.external();
    }

    @EventSourcingHandler
    void on(GroupPersonDeleted event) {
        deleted = true;
    }
}
