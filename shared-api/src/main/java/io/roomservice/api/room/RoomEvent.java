package io.roomservice.api.room;

/** Every event in a room's life; lets read models follow rooms without listing each event type. */
public sealed interface RoomEvent
        permits RoomCreationRequested, RoomActivated, RoomFailed, RoomProvisioningRetried, RoomDisablingStarted,
        RoomDisablingRetried, RoomArchived, RoomReactivated, RoomDeleted, RoomReprovisioningStarted, RoomRenamed {

    RoomId roomId();
}
