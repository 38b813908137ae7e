package io.roomservice.sagas.profile;

import io.roomservice.api.user.UserId;
import io.roomservice.sagas.work.HomeserverWork;

/** Sign a person out everywhere on the homeserver (every device and access token). */
public record EndMatrixSessions(UserId userId, String matrixUserId) implements HomeserverWork {

    @Override
    public String key() {
        return "end-sessions:" + userId;
    }
}
