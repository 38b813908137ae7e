package io.roomservice.infra.appservice;

import java.time.Instant;

/**
 * The appservice link as an administrator set it up; the tokens and the registration secret are in
 * the secret store, never here.
 */
public record AppserviceSettings(boolean enabled,
                                 String homeserverUrl,
                                 String homeserverDomain,
                                 String senderLocalpart,
                                 String webhookUrl,
                                 Instant configuredAt,
                                 String configuredBy) {
}
