package io.roomservice.sagas.profile;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.profile.EndMatrixAccess;
import io.roomservice.api.profile.ForgetMatrixDisplayName;
import io.roomservice.api.profile.MatrixDisplayNameForgotten;
import io.roomservice.api.profile.MatrixAccessEnded;
import io.roomservice.api.profile.RestoreMatrixAccess;
import io.roomservice.api.user.PersonalDataErased;
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserReactivated;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A deactivated person loses their Matrix access: the profile records it and every session of theirs
 * is ended on the homeserver by {@link EndMatrixSessions} (the member sync sagas of their rooms kick
 * them). Reactivation restores the profile; member sync invites them again. An erased person's Matrix
 * display name, made from their full name, is replaced by their Matrix id's localpart
 * ({@link ForgetDisplayName}).
 */
@ProcessingGroup(MatrixAccess.PROCESSING_GROUP)
@DisallowReplay
public class MatrixAccess {

    public static final String PROCESSING_GROUP = "matrix-access";

    private final CommandGateway commands;
    private final HomeserverWorkQueue work;

    public MatrixAccess(CommandGateway commands, HomeserverWorkQueue work) {
        this.commands = commands;
        this.work = work;
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
        work.submit(new EndMatrixSessions(event.userId(), event.matrixUserId()));
    }

    @EventHandler
    void on(PersonalDataErased event) {
        sendIfProfileExists(new ForgetMatrixDisplayName(event.userId()));
    }

    @EventHandler
    void on(MatrixDisplayNameForgotten event) {
        work.submit(new ForgetDisplayName(event.userId(), event.matrixUserId()));
    }

    private void sendIfProfileExists(Object command) {
        try {
            SystemCommands.sendAndWait(commands, command);
        } catch (AggregateNotFoundException | CommandRejectedException noMatrixAccount) {
            // the person never had a Matrix account: nothing to end, restore or forget
        }
    }
}
