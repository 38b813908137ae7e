package io.roomservice.sagas.homeserver;

/**
 * The port through which sagas act on the Matrix homeserver. Every method either returns the outcome
 * or throws a {@link HomeserverException} that says whether trying again can help.
 */
public interface Homeserver {

    /**
     * Creates the project's room, or finds the one an earlier attempt already created (the alias is
     * derived from the project, so a repeat after a crash must not create a second room).
     */
    ProvisionedRoom createRoom(RoomSpec spec);

    /** Sets the room's {@code m.room.name} as the bot; the same name again is harmless. */
    void renameRoom(String matrixRoomId, String name);
}
