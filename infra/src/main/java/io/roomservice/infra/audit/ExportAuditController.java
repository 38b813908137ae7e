package io.roomservice.infra.audit;

import io.roomservice.api.audit.ExportHistory;
import io.roomservice.api.audit.FindExportHistory;
import io.roomservice.api.export.ExportId;
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

/** For auditors (and staff): a history export's life, who asked for it, and what became of it. */
@RestController
@RequestMapping("/api/audit/exports")
@Tag(name = "audit", description = "A room's recorded history")
public class ExportAuditController {

    private final QueryGateway queries;

    public ExportAuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Every event of a history export, in order, with actor, correlation id and payload")
    @GetMapping({"/{uuid}/events", "/{uuid}/events/"})
    public ExportEvents events(@PathVariable UUID uuid) {
        var history = queries.query(new FindExportHistory(new ExportId(uuid)),
                ResponseTypes.instanceOf(ExportHistory.class)).join();
        if (history.events().isEmpty()) {
            throw new NotFoundException("No history export " + uuid + ".");
        }
        return new ExportEvents(uuid, history.events().stream().map(AuditController.RecordedEvent::of).toList());
    }

    public record ExportEvents(UUID exportUuid, List<AuditController.RecordedEvent> events) {
    }
}
