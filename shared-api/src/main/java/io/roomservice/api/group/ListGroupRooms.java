package io.roomservice.api.group;

/** Answers {@link GroupRoomsPage}: one page of the groups, ordered by id, with their rooms, members and ledger. */
public record ListGroupRooms(int page, int size) {
}
