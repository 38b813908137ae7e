package io.roomservice.api.audit;

import io.roomservice.api.user.UserId;

/**
 * Answers a {@link UserHistory}: every event whose aggregate is the person (aggregate identifier = the
 * user uuid), in order, with their personal data decrypted, or shown as erased.
 */
public record FindUserHistory(UserId userId) {
}
