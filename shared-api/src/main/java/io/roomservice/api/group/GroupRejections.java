package io.roomservice.api.group;

/** The codes of refused group commands, as the API answers them. */
public final class GroupRejections {

    public static final String SLUG_FIXED = "group-slug-fixed";
    public static final String UNKNOWN_GROUP = "unknown-group";
    public static final String UNKNOWN_PERSON = "unknown-group-person";

    private GroupRejections() {
    }
}
