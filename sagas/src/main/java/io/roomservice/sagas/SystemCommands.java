package io.roomservice.sagas;

import io.roomservice.api.common.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends the commands by which sagas and homeserver work report what happened, as the {@code system}
 * actor; from homeserver work with the correlation data of the event that decided it.
 */
public final class SystemCommands {

    private static final Logger log = LoggerFactory.getLogger(SystemCommands.class);

    private SystemCommands() {
    }

    /**
     * Sends and waits for the decision; a refusal ({@code CommandRejectedException}) is thrown to the
     * caller, which needs it to decide what to do next.
     */
    public static void sendAndWait(CommandGateway gateway, Object command) {
        gateway.sendAndWait(message(command), 30, TimeUnit.SECONDS);
    }

    private static CommandMessage<?> message(Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(WorkCorrelation.current())
                .andMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    public static void send(CommandGateway gateway, Object command) {
        gateway.send(message(command)).exceptionally(failure -> {
            log.warn("{} was refused: {}", command.getClass().getSimpleName(), failure.getMessage());
            return null;
        });
    }
}
