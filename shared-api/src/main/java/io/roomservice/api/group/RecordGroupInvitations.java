package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The homeserver work invited these (or found them in the room already). */
public record RecordGroupInvitations(@TargetAggregateIdentifier GroupId groupId, List<GroupInvitation> invitations) {

    public RecordGroupInvitations {
        invitations = List.copyOf(invitations);
    }
}
