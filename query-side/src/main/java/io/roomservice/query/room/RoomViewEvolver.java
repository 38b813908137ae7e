package io.roomservice.query.room;

import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomEvent;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReactivated;
import io.roomservice.api.room.RoomRenamed;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;

import java.time.Instant;

/**
 * How one room event changes what the read side shows of a room. A pure function, shared by the
 * live projection and by the audit's "state at an instant", so both always agree.
 */
public final class RoomViewEvolver {

    private RoomViewEvolver() {
    }

    /** @param room the room before the event, null before its first event */
    public static RoomView evolve(RoomView room, RoomEvent event, Instant at) {
        if (event instanceof RoomCreationRequested e) {
            return new RoomView(e.roomId(), e.projectId(), e.customerId(), e.name(), null, null,
                    RoomState.CREATING, null, at, at);
        }
        if (room == null) {
            return null;
        }
        if (event instanceof RoomActivated e) {
            return with(room, e.alias(), e.matrixRoomId(), RoomState.ACTIVE, null, at);
        }
        if (event instanceof RoomFailed e) {
            return with(room, room.alias(), room.matrixRoomId(), RoomState.ERROR, e.reason(), at);
        }
        if (event instanceof RoomProvisioningRetried || event instanceof RoomReprovisioningStarted) {
            return with(room, room.alias(), room.matrixRoomId(), RoomState.CREATING, null, at);
        }
        if (event instanceof RoomDisablingStarted || event instanceof RoomDisablingRetried) {
            return with(room, room.alias(), room.matrixRoomId(), RoomState.DISABLING, null, at);
        }
        if (event instanceof RoomArchived) {
            return with(room, room.alias(), room.matrixRoomId(), RoomState.ARCHIVED, null, at);
        }
        if (event instanceof RoomReactivated) {
            return with(room, room.alias(), room.matrixRoomId(), RoomState.ACTIVE, null, at);
        }
        if (event instanceof RoomRenamed e) {
            return new RoomView(room.roomId(), room.projectId(), room.customerId(), e.name(), room.alias(),
                    room.matrixRoomId(), room.state(), room.errorMessage(), room.created(), at);
        }
        if (event instanceof RoomDeleted) {
            return with(room, room.alias(), room.matrixRoomId(), RoomState.DELETED, room.errorMessage(), at);
        }
        return room;
    }

    private static RoomView with(RoomView room, String alias, String matrixRoomId, RoomState state, String error,
                                 Instant at) {
        return new RoomView(room.roomId(), room.projectId(), room.customerId(), room.name(), alias, matrixRoomId,
                state, error, room.created(), at);
    }
}
