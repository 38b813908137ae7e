package io.roomservice.sagas.profile;

import io.roomservice.api.user.UserId;
import io.roomservice.sagas.work.HomeserverWork;

/** Show an erased person on the homeserver by their Matrix id's localpart instead of their full name. */
public record ForgetDisplayName(UserId userId, String matrixUserId) implements HomeserverWork {

    @Override
    public String key() {
        return "forget-display-name:" + userId;
    }

    String localpart() {
        int colon = matrixUserId.indexOf(':');
        return matrixUserId.substring(matrixUserId.startsWith("@") ? 1 : 0, colon < 0 ? matrixUserId.length() : colon);
    }
}
