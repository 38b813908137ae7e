package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/** Disabling was queued again, always without deleting history. */
@Revision("1")
public record RoomDisablingRetried(RoomId roomId) implements RoomEvent {
}
