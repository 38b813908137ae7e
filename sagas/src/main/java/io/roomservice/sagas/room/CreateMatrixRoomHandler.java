package io.roomservice.sagas.room;

import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RecordRoomProvisioned;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.RoomSpec;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Creates the room and reports it provisioned; or reports the failure that put it in error. */
public class CreateMatrixRoomHandler implements HomeserverWorkHandler<CreateMatrixRoom> {

    private final Homeserver homeserver;
    private final CommandGateway commands;

    public CreateMatrixRoomHandler(Homeserver homeserver, CommandGateway commands) {
        this.homeserver = homeserver;
        this.commands = commands;
    }

    @Override
    public Class<CreateMatrixRoom> workType() {
        return CreateMatrixRoom.class;
    }

    @Override
    public WorkResult run(CreateMatrixRoom work) {
        var room = homeserver.createRoom(new RoomSpec(work.roomId(), work.projectId(), work.name()));
        Reports.report(commands, new RecordRoomProvisioned(work.roomId(), room.matrixRoomId(), room.alias()));
        return WorkResult.done();
    }

    @Override
    public void gaveUp(CreateMatrixRoom work, HomeserverException failure, int attemptsMade) {
        String reason = failure.isTransient()
                ? "Creating the room failed after " + attemptsMade + " attempts: " + failure.getMessage()
                : "Creating the room failed: " + failure.getMessage();
        Reports.report(commands, new RecordRoomFailure(work.roomId(), reason));
    }
}
