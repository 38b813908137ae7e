package io.roomservice.api.order;

import java.util.Locale;
import java.util.Optional;

/**
 * An order's state on the host platform. States only move forward: pending-consumer, then
 * pending-provider, then executing, then one of the final states (done, erred, canceled, rejected);
 * {@link #stage()} orders them, and a final state is never left.
 */
public enum OrderState {
    PENDING_CONSUMER(0, null),
    PENDING_PROVIDER(1, null),
    EXECUTING(2, "approved"),
    DONE(3, "completed"),
    ERRED(3, "failed"),
    CANCELED(3, "canceled"),
    REJECTED(3, "rejected");

    private final int stage;
    private final String verb;

    OrderState(int stage, String verb) {
        this.stage = stage;
        this.verb = verb;
    }

    /** How far along the order is; a state of a lower or equal stage never replaces a later one. */
    public int stage() {
        return stage;
    }

    public boolean isFinal() {
        return stage == 3;
    }

    /** Waits for someone to approve it (the "pending approval" of {@code !status}). */
    public boolean isPendingApproval() {
        return this == PENDING_CONSUMER || this == PENDING_PROVIDER;
    }

    /** The verb of the room notice on reaching this state ("Order approved: ..."); empty when none is posted. */
    public Optional<String> noticeVerb() {
        return Optional.ofNullable(verb);
    }

    /** The name in JSON and in the bot's replies: {@code pending-consumer}, {@code done}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<OrderState> fromWireName(String name) {
        for (OrderState state : values()) {
            if (state.wireName().equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
