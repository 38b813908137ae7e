package io.roomservice.infra.credentials;

import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces the password through Synapse's admin API. The new password is never stored: the password
 * roomservice handed out was forgotten when the access ended, so nobody can sign in with one.
 */
@Component
class ReplaceMatrixPasswordHandler implements HomeserverWorkHandler<ReplaceMatrixPassword> {

    private static final Logger log = LoggerFactory.getLogger(ReplaceMatrixPasswordHandler.class);

    private final SynapseAdmin admin;

    ReplaceMatrixPasswordHandler(SynapseAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Class<ReplaceMatrixPassword> workType() {
        return ReplaceMatrixPassword.class;
    }

    @Override
    public WorkResult run(ReplaceMatrixPassword work) {
        admin.setPassword(work.matrixUserId(), admin.newSecret());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(ReplaceMatrixPassword work, HomeserverException failure, int attemptsMade) {
        log.warn("The password of {} could not be replaced: {}", work.matrixUserId(), failure.getMessage());
    }
}
