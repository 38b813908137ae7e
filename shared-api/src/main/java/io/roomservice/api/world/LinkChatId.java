package io.roomservice.api.world;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links the person to their Matrix user id (one Matrix id may belong to several people). On a change every invite follows the new id. Answers whether it changed anything. */
public record LinkChatId(UserId person, String matrixUserId) {

    @TargetAggregateIdentifier
    public String personKey() {
        return WorldPersonIds.of(person);
    }
}
