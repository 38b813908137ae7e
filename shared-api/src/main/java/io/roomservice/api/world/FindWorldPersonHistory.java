package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

/**
 * Answers a {@link WorldPersonHistory}: every event of the person in the virtual office (Matrix id,
 * memberships, each enter, leave, heartbeat and timeout), in order.
 */
public record FindWorldPersonHistory(UserId person) {
}
