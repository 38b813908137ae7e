package io.roomservice.api.audit;

import io.roomservice.api.user.UserId;

import java.util.List;

/**
 * A person's events. Each entry's payload is the event as the event serializer reads it back, as JSON,
 * with every personal value shown as it is, or as {@link #ERASED} once the person's key is gone.
 */
public record UserHistory(UserId userId, List<AuditEntry> events) {

    /** What an erased personal value reads as in a person's audit trail. */
    public static final String ERASED = "[erased]";
}
