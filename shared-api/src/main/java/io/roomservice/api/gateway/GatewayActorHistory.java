package io.roomservice.api.gateway;

import io.roomservice.api.audit.AuditEntry;

import java.util.List;

/** The answer to {@link FindGatewayActorHistory}; empty for an identity the gateway never acted as. */
public record GatewayActorHistory(String matrixUserId, List<AuditEntry> events) {
}
