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

    /**
     * Sets right what was changed behind roomservice's back: binds the alias to the room again (unless it
     * is null) and makes it the canonical alias, and sets the name. Reads first and writes only what differs.
     */
    void repairRoom(String matrixRoomId, String alias, String name);
}
