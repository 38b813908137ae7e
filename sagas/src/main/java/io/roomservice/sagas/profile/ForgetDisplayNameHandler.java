package io.roomservice.sagas.profile;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MemberHomeserver;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces an erased person's display name on the homeserver. Synapse writes the new name into a new
 * membership event in each of their rooms; the membership events before it keep the old name in the
 * rooms' history, which only the homeserver's own erasure could hide.
 */
public class ForgetDisplayNameHandler implements HomeserverWorkHandler<ForgetDisplayName> {

    private static final Logger log = LoggerFactory.getLogger(ForgetDisplayNameHandler.class);

    private final MemberHomeserver homeserver;

    public ForgetDisplayNameHandler(MemberHomeserver homeserver) {
        this.homeserver = homeserver;
    }

    @Override
    public Class<ForgetDisplayName> workType() {
        return ForgetDisplayName.class;
    }

    @Override
    public WorkResult run(ForgetDisplayName work) {
        homeserver.replaceDisplayName(work.matrixUserId(), work.localpart());
        return WorkResult.done();
    }

    @Override
    public void gaveUp(ForgetDisplayName work, HomeserverException failure, int attemptsMade) {
        log.warn("The display name of {} could not be replaced after its erasure: {}", work.matrixUserId(),
                failure.getMessage());
    }
}
