package io.roomservice.sagas.homeserver;

/** A room that exists on the homeserver; {@code alias} is null when it had to be created without one. */
public record ProvisionedRoom(String matrixRoomId, String alias) {
}
