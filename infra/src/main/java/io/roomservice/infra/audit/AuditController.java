package io.roomservice.infra.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.roomservice.api.audit.AuditEntry;
import io.roomservice.api.audit.FindRoomHistory;
import io.roomservice.api.audit.FindRoomStateAt;
import io.roomservice.api.audit.RoomHistory;
import io.roomservice.api.matrix.FindRoomTimeline;
import io.roomservice.api.matrix.RoomTimeline;
import io.roomservice.api.room.FindRoom;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomView;
import io.roomservice.infra.room.RoomResponse;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** For auditors (and staff): what happened to a room, who did it and why, and how it looked then. */
@RestController
@RequestMapping("/api/audit/rooms")
@Tag(name = "audit", description = "A room's recorded history")
public class AuditController {

    private final QueryGateway queries;

    public AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Every event of a room, in order, with actor, correlation id and payload")
    @GetMapping({"/{uuid}/events", "/{uuid}/events/"})
    public RoomEvents events(@PathVariable UUID uuid) {
        var history = queries.query(new FindRoomHistory(new RoomId(uuid)), ResponseTypes.instanceOf(RoomHistory.class))
                .join();
        if (history.events().isEmpty()) {
            throw new NotFoundException("No room " + uuid + ".");
        }
        return new RoomEvents(uuid, history.events().stream().map(RecordedEvent::of).toList());
    }

    @Operation(summary = "The room as it was at an instant (ISO-8601, default now), rebuilt from its events")
    @GetMapping({"/{uuid}/state", "/{uuid}/state/"})
    public RoomResponse stateAt(@PathVariable UUID uuid, @RequestParam(name = "at", required = false) String at) {
        var instant = parse(at);
        var room = queries.query(new FindRoomStateAt(new RoomId(uuid), instant), ResponseTypes.instanceOf(RoomView.class))
                .join();
        if (room == null) {
            throw new NotFoundException("Room " + uuid + " did not exist at " + instant + ".");
        }
        return RoomResponse.of(room);
    }

    @Operation(summary = "The room's Matrix timeline as the homeserver pushed it: messages and membership changes, "
            + "oldest first (the newest `limit`, default 100, at most 1000)")
    @GetMapping({"/{uuid}/timeline", "/{uuid}/timeline/"})
    public RoomTimeline timeline(@PathVariable UUID uuid,
                                 @RequestParam(name = "limit", required = false, defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("invalid-parameter", "limit", "limit must be between 1 and 1000.");
        }
        var room = queries.query(new FindRoom(new RoomId(uuid)), ResponseTypes.instanceOf(RoomView.class)).join();
        if (room == null) {
            throw new NotFoundException("No room " + uuid + ".");
        }
        return queries.query(new FindRoomTimeline(new RoomId(uuid), limit), ResponseTypes.instanceOf(RoomTimeline.class))
                .join();
    }

    private static Instant parse(String at) {
        if (at == null || at.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("invalid-parameter", "at",
                    "at must be an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }

    public record RoomEvents(UUID roomUuid, List<RecordedEvent> events) {
    }

    public record RecordedEvent(long sequence, String eventId, String type, Instant timestamp, String actor,
                                String correlationId, String causationId, String requestId,
                                @JsonRawValue String payload) {
        public static RecordedEvent of(AuditEntry entry) {
            return new RecordedEvent(entry.sequenceNumber(), entry.eventId(), entry.type(), entry.timestamp(),
                    entry.actor(), entry.correlationId(), entry.causationId(), entry.requestId(), entry.payloadJson());
        }
    }
}
