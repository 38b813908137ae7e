package io.roomservice.sagas.group;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures the group's known rooms again with its current details; nothing to report, as the group
 * recorded its details before. Given up: logged and counted, and the reconciliation finds the rooms'
 * names or topics differing ({@code room-state}) and repairs them.
 */
public class DescribeGroupRoomsHandler implements HomeserverWorkHandler<DescribeGroupRooms> {

    private static final Logger log = LoggerFactory.getLogger(DescribeGroupRoomsHandler.class);

    private final GroupHomeserver homeserver;

    public DescribeGroupRoomsHandler(GroupHomeserver homeserver) {
        this.homeserver = homeserver;
    }

    @Override
    public Class<DescribeGroupRooms> workType() {
        return DescribeGroupRooms.class;
    }

    @Override
    public WorkResult run(DescribeGroupRooms work) {
        homeserver.ensureRooms(work.slug(), work.name(), work.url(), work.publicRoomId(), work.privateRoomId());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(DescribeGroupRooms work, HomeserverException failure, int attemptsMade) {
        log.warn("Group {}: its rooms keep their old names and topics after {} attempt(s): {}", work.groupId(),
                attemptsMade, failure.getMessage());
    }
}
