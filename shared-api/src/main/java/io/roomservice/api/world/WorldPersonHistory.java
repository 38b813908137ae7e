package io.roomservice.api.world;

import io.roomservice.api.audit.AuditEntry;

import java.util.List;

/** The answer to {@link FindWorldPersonHistory}; empty for a person the virtual office never saw. */
public record WorldPersonHistory(List<AuditEntry> events) {
}
