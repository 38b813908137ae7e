package io.roomservice.api.world;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A heartbeat of the person in the world: every area they are in there is kept for another presence timeout. Answers {@code renewed} or {@code unchanged}. */
public record RenewPresence(UserId person, WorldId worldId) {

    @TargetAggregateIdentifier
    public String personKey() {
        return WorldPersonIds.of(person);
    }
}
