package io.roomservice.sagas.world;

import io.roomservice.api.world.RecordWorldRoomProvisioned;
import io.roomservice.api.world.RecordWorldSpace;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The handlers of the work on worlds' Spaces and rooms. A room waits (without failing) for its world's
 * Space; Spaces and rooms are reported with a command, so the Matrix room ids are events.
 */
public final class WorldRoomWorkHandlers {

    private static final Logger log = LoggerFactory.getLogger(WorldRoomWorkHandlers.class);
    static final Duration WAIT_FOR_SPACE = Duration.ofMillis(250);

    private WorldRoomWorkHandlers() {
    }

    static Optional<String> matrixRoomOf(WorldMatrixRooms rooms, UUID placeId) {
        return rooms.find(placeId).map(WorldMatrixRooms.Place::matrixRoomId);
    }

    public record Spaces(WorldHomeserver homeserver, CommandGateway commands)
            implements HomeserverWorkHandler<CreateWorldSpace> {

        @Override
        public Class<CreateWorldSpace> workType() {
            return CreateWorldSpace.class;
        }

        @Override
        public WorkResult run(CreateWorldSpace work) {
            String space = homeserver.ensureSpace(work.worldId(), work.name());
            Reports.report(commands, new RecordWorldSpace(work.worldId(), space));
            return WorkResult.done();
        }

        @Override
        public void gaveUp(CreateWorldSpace work, HomeserverException failure, int attemptsMade) {
            log.warn("World {} has no Space after {} attempt(s): {}", work.worldId(), attemptsMade, failure.getMessage());
        }
    }

    public record Rooms(WorldHomeserver homeserver, WorldMatrixRooms places, CommandGateway commands)
            implements HomeserverWorkHandler<CreateWorldRoom> {

        @Override
        public Class<CreateWorldRoom> workType() {
            return CreateWorldRoom.class;
        }

        @Override
        public WorkResult run(CreateWorldRoom work) {
            var space = places.find(work.worldId().value());
            if (space.isEmpty()) {
                return WorkResult.done();
            }
            if (space.get().matrixRoomId() == null) {
                return WorkResult.runAgainAfter(WAIT_FOR_SPACE);
            }
            String room = homeserver.ensureRoom(work.roomId(), work.kind(), work.matrixName(), work.tags(),
                    space.get().matrixRoomId());
            Reports.report(commands, new RecordWorldRoomProvisioned(work.worldId(), work.roomId(), room));
            return WorkResult.done();
        }

        @Override
        public void gaveUp(CreateWorldRoom work, HomeserverException failure, int attemptsMade) {
            log.warn("World room {} has no Matrix room after {} attempt(s): {}", work.roomId(), attemptsMade,
                    failure.getMessage());
        }
    }

    public record Descriptions(WorldHomeserver homeserver) implements HomeserverWorkHandler<DescribeWorldRoom> {

        @Override
        public Class<DescribeWorldRoom> workType() {
            return DescribeWorldRoom.class;
        }

        @Override
        public WorkResult run(DescribeWorldRoom work) {
            homeserver.describeRoom(work.matrixRoomId(), work.matrixName(), work.tags());
            return WorkResult.done();
        }

        @Override
        public void gaveUp(DescribeWorldRoom work, HomeserverException failure, int attemptsMade) {
            log.warn("{} keeps its old name or tags after {} attempt(s): {}", work.matrixRoomId(), attemptsMade,
                    failure.getMessage());
        }
    }

    public record Vacating(WorldHomeserver homeserver, WorldMatrixRooms places)
            implements HomeserverWorkHandler<VacateWorldRoom> {

        @Override
        public Class<VacateWorldRoom> workType() {
            return VacateWorldRoom.class;
        }

        @Override
        public WorkResult run(VacateWorldRoom work) {
            homeserver.vacate(work.matrixRoomId(), matrixRoomOf(places, work.worldId().value()).orElse(null));
            return WorkResult.done();
        }

        @Override
        public void gaveUp(VacateWorldRoom work, HomeserverException failure, int attemptsMade) {
            log.warn("Deleted world room {} ({}) was not emptied after {} attempt(s): {}", work.roomId(),
                    work.matrixRoomId(), attemptsMade, failure.getMessage());
        }
    }
}
