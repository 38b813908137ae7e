package io.roomservice.sagas.group;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.group.ChangeGroupMemberMatrixId;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupMemberAdded;
import io.roomservice.api.group.GroupMemberRemoved;
import io.roomservice.api.group.GroupPersonDeleted;
import io.roomservice.api.group.GroupPersonMatrixIdChanged;
import io.roomservice.api.group.GroupPersonRecorded;
import io.roomservice.api.group.RemoveGroupMember;
import io.roomservice.sagas.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Carries a person's changes to every group they are a member of: a new Matrix id is invited in each,
 * and a deleted person leaves each (and so every group room). Lives from the person's recording until
 * their deletion.
 */
@Saga
public class GroupPersonSaga {

    private static final Logger log = LoggerFactory.getLogger(GroupPersonSaga.class);
    static final String USER_ID = "userId";

    private Set<GroupId> groups = new LinkedHashSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = USER_ID)
    public void on(GroupPersonRecorded event) {
        // nothing yet: the saga follows the person's memberships from here
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(GroupMemberAdded event) {
        groups.add(event.groupId());
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(GroupMemberRemoved event) {
        groups.remove(event.groupId());
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(GroupPersonMatrixIdChanged event, CommandGateway commands) {
        groups.forEach(group -> send(commands, new ChangeGroupMemberMatrixId(group, event.userId(),
                event.matrixUserId())));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = USER_ID)
    public void on(GroupPersonDeleted event, CommandGateway commands) {
        Set.copyOf(groups).forEach(group -> send(commands, new RemoveGroupMember(group, event.userId())));
    }

    // Axon stores sagas with Jackson: its state goes through these

    public Set<GroupId> getGroups() {
        return groups;
    }

    public void setGroups(Set<GroupId> groups) {
        this.groups = new LinkedHashSet<>(groups);
    }

    private static void send(CommandGateway commands, Object command) {
        try {
            SystemCommands.sendAndWait(commands, command);
        } catch (CommandRejectedException refused) {
            log.info("{} was refused: {}", command.getClass().getSimpleName(), refused.getMessage());
        }
    }
}
