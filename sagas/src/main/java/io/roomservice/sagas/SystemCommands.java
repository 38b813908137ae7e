package io.roomservice.sagas;

import io.roomservice.api.common.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Sends the commands by which sagas report what happened, as the {@code system} actor. */
public final class SystemCommands {

    private static final Logger log = LoggerFactory.getLogger(SystemCommands.class);

    private SystemCommands() {
    }

    public static void send(CommandGateway gateway, Object command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
        gateway.send(message).exceptionally(failure -> {
            log.warn("{} was refused: {}", command.getClass().getSimpleName(), failure.getMessage());
            return null;
        });
    }
}
