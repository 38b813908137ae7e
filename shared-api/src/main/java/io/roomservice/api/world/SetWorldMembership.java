package io.roomservice.api.world;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** The host makes the person a member of the world with these tags (or changes their tags). Members are invited to the world's Space. Answers whether it changed anything. */
public record SetWorldMembership(UserId person, WorldId worldId, List<String> tags) {

    @TargetAggregateIdentifier
    public String personKey() {
        return WorldPersonIds.of(person);
    }
}
