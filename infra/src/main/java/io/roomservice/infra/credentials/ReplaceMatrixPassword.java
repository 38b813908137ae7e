package io.roomservice.infra.credentials;

import io.roomservice.api.user.UserId;
import io.roomservice.sagas.work.HomeserverWork;

/** Give a person's Matrix account a new random password nobody knows (their access has ended). */
public record ReplaceMatrixPassword(UserId userId, String matrixUserId) implements HomeserverWork {

    @Override
    public String key() {
        return "replace-password:" + userId;
    }
}
