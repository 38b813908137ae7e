package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/** The room took its project's new name; its Matrix room is renamed after this (while it has one). */
@Revision("1")
public record RoomRenamed(RoomId roomId, String name) implements RoomEvent {
}
