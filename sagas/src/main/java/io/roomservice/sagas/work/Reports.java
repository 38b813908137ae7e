package io.roomservice.sagas.work;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.sagas.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the command by which homeserver work reports its outcome, and waits for it: the work is done
 * only once its outcome is stored. An aggregate that refuses the report (it moved on, or is gone) has
 * no use for it; anything else (the database is away) fails the run, which is then retried.
 */
public final class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private Reports() {
    }

    public static void report(CommandGateway commands, Object command) {
        try {
            SystemCommands.sendAndWait(commands, command);
        } catch (CommandRejectedException | AggregateNotFoundException refused) {
            log.info("{} was not recorded: {}", command.getClass().getSimpleName(), refused.getMessage());
        }
    }
}
