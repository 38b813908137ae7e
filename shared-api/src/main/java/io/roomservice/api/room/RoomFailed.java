package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoomFailed(RoomId roomId, RoomState failedIn, String reason) implements RoomEvent {
}
