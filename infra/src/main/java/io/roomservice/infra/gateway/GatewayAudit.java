package io.roomservice.infra.gateway;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.gateway.GatewayAction;
import io.roomservice.api.gateway.RecordGatewayAction;
import io.roomservice.infra.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Records what a service did through the gateway, once the homeserver accepted it (never while a
 * homeserver call is open): the Matrix identity, the service, the platform actor ({@code user:...} or
 * {@code agent:...}), with the service as the message's actor, so the audit API names who acted as whom.
 */
class GatewayAudit {

    /** A platform actor id as the specification writes them. */
    static final Pattern ACTOR = Pattern.compile("(user|agent):[A-Za-z0-9._=/+@-]{1,200}");

    private static final Logger log = LoggerFactory.getLogger(GatewayAudit.class);

    private final CommandGateway commands;

    GatewayAudit(CommandBus commandBus, RetryScheduler retryScheduler) {
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }

    static String service(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(GatewayCallerFilter.SERVICE));
    }

    /** The platform actor a request names, checked before anything is done; the service itself when none. */
    static String actor(String named, String field, HttpServletRequest request) {
        if (named == null) {
            return "service:" + service(request);
        }
        if (!ACTOR.matcher(named).matches()) {
            throw GatewayException.badJson(field + " must be user:<id> or agent:<id>.");
        }
        return named;
    }

    /**
     * The homeserver's answer is the fact: when the record cannot be stored, the caller still gets that
     * answer (a failure would make it send the message again), and the missing record is logged.
     */
    void record(HttpServletRequest request, String matrixUserId, String actor, GatewayAction action, String roomId,
                String target, String eventId) {
        try {
            send(request, matrixUserId, actor, action, roomId, target, eventId);
        } catch (RuntimeException e) {
            log.error("The gateway's {} as {} for {} (event {}) was done on the homeserver but not recorded",
                    action, matrixUserId, actor, eventId, e);
        }
    }

    private void send(HttpServletRequest request, String matrixUserId, String actor, GatewayAction action,
                      String roomId, String target, String eventId) {
        String service = service(request);
        var message = GenericCommandMessage.asCommandMessage(new RecordGatewayAction(matrixUserId, service, actor,
                action, roomId, target, eventId)).andMetaData(Map.of(
                MetaDataKeys.ACTOR, "service:" + service,
                MetaDataKeys.REQUEST_ID, String.valueOf(request.getAttribute(RequestIdFilter.REQUEST_ID)),
                MetaDataKeys.CORRELATION_ID, String.valueOf(request.getAttribute(RequestIdFilter.CORRELATION_ID))));
        commands.sendAndWait(message, 30, TimeUnit.SECONDS);
    }
}
