package io.roomservice.api.common;

/**
 * A decision of the domain to refuse a command. It carries a stable code so that every adapter
 * answers the same refusal the same way, and a message meant for people.
 */
public class CommandRejectedException extends RuntimeException {

    private final RejectionReason reason;
    private final String code;

    public CommandRejectedException(RejectionReason reason, String code, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
    }

    public RejectionReason reason() {
        return reason;
    }

    /** A stable, machine-readable code such as {@code room-wrong-state}. */
    public String code() {
        return code;
    }
}
