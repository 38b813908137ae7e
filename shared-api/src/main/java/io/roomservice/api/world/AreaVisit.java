package io.roomservice.api.world;


/** An area a person is in when their Matrix id changes: the new id joins, the previous one is kicked unless {@code previousStays} (another person present there has it). */
public record AreaVisit(WorldId worldId, WorldRoomId areaId, boolean moderator, boolean previousStays) {
}
