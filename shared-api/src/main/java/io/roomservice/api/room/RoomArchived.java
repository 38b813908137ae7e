package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoomArchived(RoomId roomId) implements RoomEvent {
}
