package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;

/**
 * The aggregate identifier of a person's profile. It is not the bare user uuid: that one names the
 * person's directory record (the User aggregate), and the event store keys events by identifier and
 * sequence number.
 */
public final class UserProfileIds {

    private UserProfileIds() {
    }

    public static String of(UserId userId) {
        return "user-profile:" + userId;
    }
}
