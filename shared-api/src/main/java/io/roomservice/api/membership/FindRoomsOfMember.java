package io.roomservice.api.membership;

import io.roomservice.api.user.UserId;

/** Answers {@link RoomsOfMember}: the rooms a person has joined. */
public record FindRoomsOfMember(UserId userId) {
}
