package io.roomservice.api.audit;

import java.time.Instant;

/**
 * One stored event as an auditor sees it. The payload is the event exactly as it is stored (JSON),
 * so that what is shown is what was recorded.
 */
public record AuditEntry(long sequenceNumber, String eventId, String type, Instant timestamp, String actor,
                         String correlationId, String causationId, String requestId, String payloadJson) {
}
