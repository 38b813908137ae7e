package io.roomservice.api.world;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person stepped into the area: invited and joined to its room. Entering an area they are in counts as a heartbeat. Answers {@code entered} or {@code renewed}. */
public record EnterArea(UserId person, WorldId worldId, WorldRoomId areaId) {

    @TargetAggregateIdentifier
    public String personKey() {
        return WorldPersonIds.of(person);
    }
}
