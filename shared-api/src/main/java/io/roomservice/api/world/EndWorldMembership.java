package io.roomservice.api.world;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The host ends the person's membership of the world; they are kicked from its Space. Answers whether it changed anything. */
public record EndWorldMembership(UserId person, WorldId worldId) {

    @TargetAggregateIdentifier
    public String personKey() {
        return WorldPersonIds.of(person);
    }
}
