package io.roomservice.sagas.reconciliation;

import io.roomservice.api.common.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Sends a repair as the {@value #ACTOR} actor, with the run's id as correlation id, and waits for it. */
public final class ReconciliationCommands {

    public static final String ACTOR = "reconciliation";

    private ReconciliationCommands() {
    }

    public static <R> R send(CommandGateway commands, Object command, UUID runId) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MetaDataKeys.ACTOR, ACTOR, MetaDataKeys.CORRELATION_ID, runId.toString(),
                MetaDataKeys.REQUEST_ID, runId.toString()));
        return commands.sendAndWait(message, 30, TimeUnit.SECONDS);
    }
}
