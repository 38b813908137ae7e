package io.roomservice.api.group;

/** One entry of a group's invitation ledger: this Matrix id was invited to this room. */
public record GroupInvitation(String roomId, String matrixUserId) {
}
