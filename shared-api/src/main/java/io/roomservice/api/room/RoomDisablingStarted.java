package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoomDisablingStarted(RoomId roomId, boolean deleteHistory, String reason) implements RoomEvent {
}
