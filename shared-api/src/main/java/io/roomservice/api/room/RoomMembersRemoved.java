package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/** Kick-and-archive's first steps are done: the notice is posted and every member was kicked. */
@Revision("1")
public record RoomMembersRemoved(RoomId roomId, int disabling) {
}
