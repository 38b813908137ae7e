package io.roomservice.sagas.room;

import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the Matrix room's name. Nothing is reported: the room recorded its new name
 * ({@code RoomRenamed}) before this work was decided, and the homeserver pushes the {@code m.room.name}
 * event back into the room's timeline. A rename given up is logged and counted by the work queue.
 */
public class RenameMatrixRoomHandler implements HomeserverWorkHandler<RenameMatrixRoom> {

    private static final Logger log = LoggerFactory.getLogger(RenameMatrixRoomHandler.class);

    private final Homeserver homeserver;

    public RenameMatrixRoomHandler(Homeserver homeserver) {
        this.homeserver = homeserver;
    }

    @Override
    public Class<RenameMatrixRoom> workType() {
        return RenameMatrixRoom.class;
    }

    @Override
    public WorkResult run(RenameMatrixRoom work) {
        homeserver.renameRoom(work.matrixRoomId(), work.name());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(RenameMatrixRoom work, HomeserverException failure, int attemptsMade) {
        log.warn("Room {} ({}) keeps its old name on the homeserver after {} attempt(s): {}", work.roomId(),
                work.matrixRoomId(), attemptsMade, failure.getMessage());
    }
}
