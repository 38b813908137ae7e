package io.roomservice.sagas.profile;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.profile.EndMatrixAccess;
import io.roomservice.api.profile.MatrixAccessEnded;
import io.roomservice.api.profile.RestoreMatrixAccess;
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserReactivated;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MemberHomeserver;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deactivated person loses their Matrix access: the profile records it and every session of theirs
 * is ended on the homeserver (the member sync sagas of their rooms kick them). Reactivation restores
 * the profile; member sync invites them again. A transient homeserver failure fails the event, which
 * the processor retries with backoff; a permanent one (e.g. no account on this homeserver) is logged
 * and done.
 */
@ProcessingGroup(MatrixAccess.PROCESSING_GROUP)
@DisallowReplay
public class MatrixAccess {

    public static final String PROCESSING_GROUP = "matrix-access";

    private static final Logger log = LoggerFactory.getLogger(MatrixAccess.class);

    private final CommandGateway commands;
    private final MemberHomeserver homeserver;

    public MatrixAccess(CommandGateway commands, MemberHomeserver homeserver) {
        this.commands = commands;
        this.homeserver = homeserver;
    }

    @EventHandler
    void on(UserDeactivated event) {
        sendIfProfileExists(new EndMatrixAccess(event.userId()));
    }

    @EventHandler
    void on(UserReactivated event) {
        sendIfProfileExists(new RestoreMatrixAccess(event.userId()));
    }

    @EventHandler
    void on(MatrixAccessEnded event) {
        try {
            homeserver.endSessions(event.matrixUserId());
        } catch (HomeserverException failure) {
            if (failure.isTransient()) {
                throw failure;
            }
            log.warn("Sessions of {} could not be ended: {}", event.matrixUserId(), failure.getMessage());
        }
    }

    private void sendIfProfileExists(Object command) {
        try {
            SystemCommands.sendAndWait(commands, command);
        } catch (AggregateNotFoundException | CommandRejectedException noMatrixAccount) {
            // the person never had a Matrix account: nothing to end or restore
        }
    }
}
