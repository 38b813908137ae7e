package io.roomservice.sagas.world;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of a person's Space invites and area joins and kicks. Each runs only once the person's
 * earlier work is done ({@link PersonWork}), and waits (without failing) for a Space or area room that
 * is still being created. A room deleted meanwhile has nothing left to do. Outcomes are not reported:
 * the events that decided them (enter, leave, timeout) are the audit trail; a give-up is logged and
 * counted by the work queue.
 */
public final class PersonWorkHandlers {

    private static final Logger log = LoggerFactory.getLogger(PersonWorkHandlers.class);

    private PersonWorkHandlers() {
    }

    public record Spaces(WorldHomeserver homeserver, WorldMatrixRooms places, HomeserverWorkQueue queue)
            implements HomeserverWorkHandler<SpaceMembership> {

        @Override
        public Class<SpaceMembership> workType() {
            return SpaceMembership.class;
        }

        @Override
        public WorkResult run(SpaceMembership work) {
            if (work.waitsForEarlier(queue)) {
                return WorkResult.runAgainAfter(PersonWork.WAIT_FOR_EARLIER);
            }
            var space = places.find(work.worldId().value());
            if (space.isEmpty()) {
                return WorkResult.done();
            }
            if (space.get().matrixRoomId() == null) {
                return WorkResult.runAgainAfter(WorldRoomWorkHandlers.WAIT_FOR_SPACE);
            }
            if (work.member()) {
                homeserver.inviteToSpace(space.get().matrixRoomId(), work.matrixUserId());
            } else {
                homeserver.removeFromSpace(space.get().matrixRoomId(), work.matrixUserId());
            }
            return WorkResult.done();
        }

        @Override
        public void gaveUp(SpaceMembership work, HomeserverException failure, int attemptsMade) {
            log.warn("{} of {} in the Space of world {} failed after {} attempt(s): {}",
                    work.member() ? "Invite" : "Kick", work.matrixUserId(), work.worldId(), attemptsMade,
                    failure.getMessage());
        }
    }

    public record Areas(WorldHomeserver homeserver, WorldMatrixRooms places, HomeserverWorkQueue queue)
            implements HomeserverWorkHandler<AreaPresence> {

        @Override
        public Class<AreaPresence> workType() {
            return AreaPresence.class;
        }

        @Override
        public WorkResult run(AreaPresence work) {
            if (work.waitsForEarlier(queue)) {
                return WorkResult.runAgainAfter(PersonWork.WAIT_FOR_EARLIER);
            }
            var area = places.find(work.areaId().value());
            if (area.isEmpty() || area.get().removed()) {
                return WorkResult.done();
            }
            if (area.get().matrixRoomId() == null) {
                return WorkResult.runAgainAfter(WorldRoomWorkHandlers.WAIT_FOR_SPACE);
            }
            if (work.present()) {
                homeserver.enterArea(area.get().matrixRoomId(), work.matrixUserId(), work.moderator());
            } else {
                homeserver.leaveArea(area.get().matrixRoomId(), work.matrixUserId(), work.moderator());
            }
            return WorkResult.done();
        }

        @Override
        public void gaveUp(AreaPresence work, HomeserverException failure, int attemptsMade) {
            log.warn("{} of {} in area {} failed after {} attempt(s): {}", work.present() ? "Join" : "Kick",
                    work.matrixUserId(), work.areaId(), attemptsMade, failure.getMessage());
        }
    }
}
