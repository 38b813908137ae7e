package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.FindGatewayActorHistory;
import io.roomservice.api.gateway.GatewayActorHistory;
import io.roomservice.infra.audit.AuditController.RecordedEvent;
import io.roomservice.infra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For auditors (and staff): which calling service acted through the internal gateway as a Matrix
 * identity, for which platform actor. Part of the audit API (problem+json, JWT), not of the gateway's
 * own surface, which only services reach.
 */
@RestController
@RequestMapping("/api/audit/gateway/users")
@Tag(name = "audit")
public class GatewayAuditController {

    private final QueryGateway queries;

    public GatewayAuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Every action the internal gateway did as a Matrix identity (a gateway user or the bot), "
            + "in order: the payload's service is the calling service, its actor the user: or agent: it acted for")
    @GetMapping({"/{userId}/events", "/{userId}/events/"})
    public ActorEvents events(@PathVariable String userId) {
        var history = queries.query(new FindGatewayActorHistory(userId),
                ResponseTypes.instanceOf(GatewayActorHistory.class)).join();
        if (history.events().isEmpty()) {
            throw new NotFoundException("The gateway never acted as " + userId + ".");
        }
        return new ActorEvents(userId, history.events().stream().map(RecordedEvent::of).toList());
    }

    public record ActorEvents(String matrixUserId, List<RecordedEvent> events) {
    }
}
