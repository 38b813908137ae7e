package io.roomservice.api.order;

/** What {@link RecordOrder} did. */
public enum OrderUpdate {
    /** The order is new. */
    CREATED,
    /** Its state moved forward. */
    CHANGED,
    /** It already was so: a repeat. */
    UNCHANGED,
    /** The state given is older than the one recorded (a late delivery) and was ignored. */
    OLDER_STATE_IGNORED
}
