package io.roomservice.infra.web;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.infra.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends one command for one request, stamped with the caller as actor and the request's ids, and
 * waits for the decision so that the answer tells the caller what was decided. A command that lost an
 * optimistic-locking race to another node is tried again by the retry scheduler before the caller
 * hears of it, so two nodes writing one aggregate both succeed.
 */
@Component
public class Commands {

    private static final long DECISION_TIMEOUT_SECONDS = 30;

    private final CommandGateway gateway;

    public Commands(CommandBus commandBus, RetryScheduler retryScheduler) {
        this.gateway = DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }

    public <R> R send(Object command, Caller caller, HttpServletRequest request) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MetaDataKeys.ACTOR, caller.actor(),
                MetaDataKeys.REQUEST_ID, String.valueOf(request.getAttribute(RequestIdFilter.REQUEST_ID)),
                MetaDataKeys.CORRELATION_ID, String.valueOf(request.getAttribute(RequestIdFilter.CORRELATION_ID))));
        return gateway.sendAndWait(message, DECISION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
