package io.roomservice.infra.audit;

import io.roomservice.api.audit.FindUserHistory;
import io.roomservice.api.audit.UserHistory;
import io.roomservice.api.user.UserId;
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

/** For auditors (and staff): what happened to a person, who did it and why; erased data shows as erased. */
@RestController
@RequestMapping("/api/audit/users")
@Tag(name = "audit")
public class UserAuditController {

    private final QueryGateway queries;

    public UserAuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Every event of a person, in order, with actor, correlation id and payload; "
            + "names and e-mail addresses show as \"" + UserHistory.ERASED + "\" once erased")
    @GetMapping({"/{uuid}/events", "/{uuid}/events/"})
    public UserEvents events(@PathVariable UUID uuid) {
        var history = queries.query(new FindUserHistory(new UserId(uuid)), ResponseTypes.instanceOf(UserHistory.class))
                .join();
        if (history.events().isEmpty()) {
            throw new NotFoundException("No user " + uuid + ".");
        }
        return new UserEvents(uuid, history.events().stream().map(RecordedEvent::of).toList());
    }

    public record UserEvents(UUID userUuid, List<RecordedEvent> events) {
    }
}
