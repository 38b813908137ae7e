package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

/**
 * The aggregate identifier of a person of the virtual office (their Matrix id, world memberships and
 * presence). Not the bare uuid, which may name the person's directory record.
 */
public final class WorldPersonIds {

    private WorldPersonIds() {
    }

    public static String of(UserId person) {
        return "world-person:" + person;
    }
}
