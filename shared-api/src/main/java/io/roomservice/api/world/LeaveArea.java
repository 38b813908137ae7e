package io.roomservice.api.world;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person stepped out of the area: kicked from its room. Answers {@code left} or {@code unchanged}. */
public record LeaveArea(UserId person, WorldId worldId, WorldRoomId areaId) {

    @TargetAggregateIdentifier
    public String personKey() {
        return WorldPersonIds.of(person);
    }
}
