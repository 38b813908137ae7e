package io.roomservice.infra.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.FindWorldPersonHistory;
import io.roomservice.api.world.WorldPersonHistory;
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
import java.util.UUID;

/** For auditors (and staff): who was in which area of the virtual office when, and who said so. */
@RestController
@RequestMapping("/api/audit/worlds/people")
@Tag(name = "audit")
public class WorldAuditController {

    private final QueryGateway queries;

    public WorldAuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Every event of a person in the virtual office, in order: Matrix id, memberships, "
            + "each enter, leave, heartbeat and timeout")
    @GetMapping({"/{uuid}/events", "/{uuid}/events/"})
    public PersonEvents events(@PathVariable UUID uuid) {
        var history = queries.query(new FindWorldPersonHistory(new UserId(uuid)),
                ResponseTypes.instanceOf(WorldPersonHistory.class)).join();
        if (history.events().isEmpty()) {
            throw new NotFoundException("No person " + uuid + " in the virtual office.");
        }
        return new PersonEvents(uuid, history.events().stream().map(entry -> new RecordedEvent(entry.sequenceNumber(),
                entry.eventId(), entry.type(), entry.timestamp(), entry.actor(), entry.correlationId(),
                entry.causationId(), entry.requestId(), entry.payloadJson())).toList());
    }

    public record PersonEvents(UUID personUuid, List<RecordedEvent> events) {
    }
}
