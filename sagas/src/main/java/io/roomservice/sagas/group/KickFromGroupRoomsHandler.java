package io.roomservice.sagas.group;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kicks; nothing to report, as the group recorded the member leaving before. Given up: logged and
 * counted; the reconciliation does not put a former member back, so a kick that failed is visible there.
 */
public class KickFromGroupRoomsHandler implements HomeserverWorkHandler<KickFromGroupRooms> {

    private static final Logger log = LoggerFactory.getLogger(KickFromGroupRoomsHandler.class);

    private final GroupHomeserver homeserver;

    public KickFromGroupRoomsHandler(GroupHomeserver homeserver) {
        this.homeserver = homeserver;
    }

    @Override
    public Class<KickFromGroupRooms> workType() {
        return KickFromGroupRooms.class;
    }

    @Override
    public WorkResult run(KickFromGroupRooms work) {
        work.roomIds().forEach(room -> homeserver.kick(room, work.matrixUserId(), work.reason()));
        return WorkResult.done();
    }

    @Override
    public void gaveUp(KickFromGroupRooms work, HomeserverException failure, int attemptsMade) {
        log.warn("Group {}: {} could not be removed from its rooms after {} attempt(s): {}", work.groupId(),
                work.matrixUserId(), attemptsMade, failure.getMessage());
    }
}
