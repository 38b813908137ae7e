package io.roomservice.infra.room;

import io.roomservice.api.room.RoomId;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.ForbiddenException;
import io.roomservice.infra.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may see and act on which room (the seed's permission table). A room the caller may not see
 * answers exactly like a missing one (404), so that room ids do not leak.
 */
@Component
public class RoomAccess {

    private final RoomReads reads;

    public RoomAccess(RoomReads reads) {
        this.reads = reads;
    }

    public RoomResponse visibleRoom(UUID uuid, Caller caller) {
        // until the directory knows project roles, people other than staff and support see no room
        return reads.find(new RoomId(uuid)).filter(room -> caller.staffOrSupport()).map(RoomResponse::of)
                .orElseThrow(() -> new NotFoundException("No room " + uuid + "."));
    }

    /** sync, export, retry and reactivate belong to the customer's owners; staff may always act. */
    public RoomResponse requireRoomManager(UUID uuid, Caller caller) {
        var room = visibleRoom(uuid, caller);
        if (!caller.staff()) {
            throw new ForbiddenException("Only the customer's owners and staff may do this.");
        }
        return room;
    }

    public void requireStaffOrSupport(Caller caller) {
        if (!caller.staffOrSupport()) {
            throw new ForbiddenException("Only staff and support may do this.");
        }
    }
}
