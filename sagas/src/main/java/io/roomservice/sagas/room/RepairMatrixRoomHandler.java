package io.roomservice.sagas.room;

import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the Matrix room's alias and name again. Nothing is reported: the repair request is the event,
 * and the next reconciliation compares again; a repair given up is logged and counted by the work queue.
 */
public class RepairMatrixRoomHandler implements HomeserverWorkHandler<RepairMatrixRoom> {

    private static final Logger log = LoggerFactory.getLogger(RepairMatrixRoomHandler.class);

    private final Homeserver homeserver;

    public RepairMatrixRoomHandler(Homeserver homeserver) {
        this.homeserver = homeserver;
    }

    @Override
    public Class<RepairMatrixRoom> workType() {
        return RepairMatrixRoom.class;
    }

    @Override
    public WorkResult run(RepairMatrixRoom work) {
        homeserver.repairRoom(work.matrixRoomId(), work.alias(), work.name());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(RepairMatrixRoom work, HomeserverException failure, int attemptsMade) {
        log.warn("Room {} ({}) keeps a wrong alias or name on the homeserver after {} attempt(s): {}",
                work.roomId(), work.matrixRoomId(), attemptsMade, failure.getMessage());
    }
}
