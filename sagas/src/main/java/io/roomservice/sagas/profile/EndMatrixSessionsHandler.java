package io.roomservice.sagas.profile;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MemberHomeserver;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a deactivated person's sessions. The decision is already recorded ({@code MatrixAccessEnded});
 * a person without an account on this homeserver has no session to end, which the log says.
 */
public class EndMatrixSessionsHandler implements HomeserverWorkHandler<EndMatrixSessions> {

    private static final Logger log = LoggerFactory.getLogger(EndMatrixSessionsHandler.class);

    private final MemberHomeserver homeserver;

    public EndMatrixSessionsHandler(MemberHomeserver homeserver) {
        this.homeserver = homeserver;
    }

    @Override
    public Class<EndMatrixSessions> workType() {
        return EndMatrixSessions.class;
    }

    @Override
    public WorkResult run(EndMatrixSessions work) {
        homeserver.endSessions(work.matrixUserId());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(EndMatrixSessions work, HomeserverException failure, int attemptsMade) {
        log.warn("Sessions of {} could not be ended: {}", work.matrixUserId(), failure.getMessage());
    }
}
