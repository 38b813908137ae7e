package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The host tells which Matrix id a person of its groups uses: the default one in roomservice's namespace,
 * or an external one the person chose ({@code external}). Answers whether anything changed.
 */
public record RecordGroupPerson(UserId userId, String matrixUserId, boolean external) {

    @TargetAggregateIdentifier
    public String personId() {
        return GroupPersonIds.of(userId);
    }
}
