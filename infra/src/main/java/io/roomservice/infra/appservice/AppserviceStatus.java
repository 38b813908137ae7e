package io.roomservice.infra.appservice;

import java.time.Instant;

/** What {@code GET /api/admin/matrix-appservice/status/} shows: state and fingerprints, never a secret. */
public record AppserviceStatus(boolean enabled,
                               boolean asTokenConfigured,
                               boolean hsTokenConfigured,
                               String asTokenFingerprint,
                               String hsTokenFingerprint,
                               boolean registrationSecretConfigured,
                               String tokensManagedBy,
                               String senderLocalpart,
                               String botUserId,
                               String webhookUrl,
                               String webhookPath,
                               String homeserverUrl,
                               String homeserverDomain,
                               long transactionCount,
                               Instant configuredAt,
                               String configuredBy) {
}
