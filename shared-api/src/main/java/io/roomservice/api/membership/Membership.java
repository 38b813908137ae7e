package io.roomservice.api.membership;

import java.util.Locale;

/** Where a person stands in a room's Matrix membership. */
public enum Membership {
    INVITED, JOINED, LEFT, BANNED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From Matrix's {@code m.room.member} membership ({@code invite, join, leave, ban}); null for others (knock). */
    public static Membership fromMatrix(String membership) {
        return switch (membership == null ? "" : membership) {
            case "invite" -> INVITED;
            case "join" -> JOINED;
            case "leave" -> LEFT;
            case "ban" -> BANNED;
            default -> null;
        };
    }
}
