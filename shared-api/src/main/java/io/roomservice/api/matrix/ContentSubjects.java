package io.roomservice.api.matrix;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Whose personal data a message the homeserver pushed is: the person roomservice knows behind the
 * sender's Matrix id; for the bot's notices, the person the notice names (its content carries
 * {@value #ABOUT}); for a Matrix user roomservice does not manage, a subject of that Matrix id's own.
 */
public final class ContentSubjects {

    /** Content key of the bot's notices naming the person they are about (a uuid). */
    public static final String ABOUT = "io.roomservice.about";

    private ContentSubjects() {
    }

    /** The subject of a Matrix user who is none of roomservice's people: the same for every message of theirs. */
    public static UUID ofMatrixUser(String matrixUserId) {
        return UUID.nameUUIDFromBytes(("matrix-user:" + matrixUserId).getBytes(StandardCharsets.UTF_8));
    }
}
