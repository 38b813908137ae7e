package io.roomservice.sagas.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.WorldRoomId;

/** Join a Matrix id to an area's room ({@code present}, power 50 when {@code moderator}), or kick it from there (and take a moderator's power back). */
public record AreaPresence(UserId person, long sequence, int index, WorldRoomId areaId, String matrixUserId, boolean present, boolean moderator) implements PersonWork {
}
