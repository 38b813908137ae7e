package io.roomservice.sagas.group;

import io.roomservice.api.group.RecordGroupRoomsFailure;
import io.roomservice.api.group.RecordGroupRoomsProvisioned;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Provisions a group's rooms and reports their ids; given up, reports the reason (the reconciliation asks again). */
public class ProvisionGroupRoomsHandler implements HomeserverWorkHandler<ProvisionGroupRooms> {

    private final GroupHomeserver homeserver;
    private final CommandGateway commands;

    public ProvisionGroupRoomsHandler(GroupHomeserver homeserver, CommandGateway commands) {
        this.homeserver = homeserver;
        this.commands = commands;
    }

    @Override
    public Class<ProvisionGroupRooms> workType() {
        return ProvisionGroupRooms.class;
    }

    @Override
    public WorkResult run(ProvisionGroupRooms work) {
        var rooms = homeserver.ensureRooms(work.slug(), work.name(), work.url(), work.publicRoomId(),
                work.privateRoomId());
        Reports.report(commands, new RecordGroupRoomsProvisioned(work.groupId(), rooms.publicRoomId(),
                rooms.privateRoomId(), work.name(), work.url()));
        return WorkResult.done();
    }

    @Override
    public void gaveUp(ProvisionGroupRooms work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new RecordGroupRoomsFailure(work.groupId(), "Provisioning the group's rooms failed"
                + " after " + attemptsMade + " attempt(s): " + failure.getMessage()));
    }
}
