package io.roomservice.sagas.membership;

import io.roomservice.api.user.UserId;

import java.util.Optional;
import java.util.function.Supplier;

/** How people's Matrix user ids are made on the current homeserver (the configured format). */
public interface MatrixIdentities {

    /** Empty when the person's data cannot form a Matrix user id (e.g. no e-mail with the e-mail format). */
    Optional<String> userIdFor(UserId userId, String username, Supplier<String> email);

    String botUserId();

    /**
     * Whether the Matrix user id is the bot or another user of the appservice's namespace that is no
     * person (the bot never answers those); people's own accounts are in the namespace too, and are
     * told apart by their profile.
     */
    default boolean inNamespace(String matrixUserId) {
        return botUserId().equals(matrixUserId);
    }
}
