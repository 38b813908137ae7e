package io.roomservice.command.world;

import io.roomservice.api.world.WorldRoomId;

/**
 * The payload of a person's presence deadline in one area. {@code stamp} is the visit's stamp when the
 * deadline was set: a heartbeat gives the visit a new stamp and a new deadline, so an earlier deadline
 * that fires later finds another stamp and does nothing (cancelling it would need its id in the events).
 */
public record PresenceDeadline(WorldRoomId areaId, long stamp) {

    public static final String NAME = "world-presence-timeout";
}
