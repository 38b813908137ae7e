package io.roomservice.api.group;

import io.roomservice.api.user.UserId;

/**
 * The aggregate identifier of a person of the community platform. Not the bare uuid: that names the
 * person's directory record, and the event store keys events by identifier and sequence number.
 */
public final class GroupPersonIds {

    private GroupPersonIds() {
    }

    public static String of(UserId userId) {
        return "group-person:" + userId;
    }
}
