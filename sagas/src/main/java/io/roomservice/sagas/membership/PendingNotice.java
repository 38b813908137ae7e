package io.roomservice.sagas.membership;

import io.roomservice.api.user.UserId;

/** A role notice to post once a sync that has seen its event (at {@code position}) is done. */
public record PendingNotice(String eventId, long position, UserId userId, String what) {
}
