package io.roomservice.command.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.WorldRoomId;

/**
 * Who is in which area now, by Matrix id ({@code cmd_area_presence}): one Matrix id may belong to
 * several people, and a leave must not kick a Matrix id another person present there still uses.
 */
public interface AreaPresences {

    boolean othersWith(WorldRoomId areaId, String matrixUserId, UserId except);
}
