package io.roomservice.infra.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Map;

/**
 * The internal Matrix gateway ({@code roomservice.gateway.*}), the REST surface other services call
 * under {@code /internal/matrix/}.
 *
 * @param enabled           answer the gateway's endpoints (default false: every call is refused with 403)
 * @param services          the calling services by name, each with its own token; a token is written to the
 *                          encrypted secret store on start and compared from there (default none)
 * @param userPrefix        gateway users are {@code @<alias-prefix>-<user-prefix><username>:<domain>}, inside
 *                          the appservice's exclusive user namespace (default {@code gw-})
 * @param requestsPerSecond requests a service may make per second before it is answered 429 (default 100)
 * @param roomCacheTtl      how long room details are served from memory (default 5 minutes); a change of the
 *                          room that the homeserver pushes ends it sooner
 * @param maxUploadSize     the largest file {@code upload} accepts (default 50MB)
 * @param syncTimeout       the {@code timeout} of {@code sync} when the caller names none (default 30s)
 * @param maxSyncTimeout    the longest {@code timeout} of {@code sync} (default 60s)
 * @param webhookTimeout    how long one webhook delivery may take (default 5s)
 * @param webhookRetries    how often a failed delivery is tried again before it is parked (default 3)
 * @param webhookBackoff    the wait before the first retry, doubled for each further one (default 1s)
 * @param webhookPoll       how long after its last run the delivery task looks for due deliveries in any
 *                          case (default 1s): an enqueued delivery wakes it at once, this finds retries,
 *                          what other nodes enqueued and what a restart left
 */
@ConfigurationProperties("roomservice.gateway")
public record GatewayProperties(@DefaultValue("false") boolean enabled,
                                @DefaultValue Map<String, Service> services,
                                @DefaultValue("gw-") String userPrefix,
                                @DefaultValue("100") int requestsPerSecond,
                                @DefaultValue("5m") Duration roomCacheTtl,
                                @DefaultValue("50MB") DataSize maxUploadSize,
                                @DefaultValue("30s") Duration syncTimeout,
                                @DefaultValue("60s") Duration maxSyncTimeout,
                                @DefaultValue("5s") Duration webhookTimeout,
                                @DefaultValue("3") int webhookRetries,
                                @DefaultValue("1s") Duration webhookBackoff,
                                @DefaultValue("1s") Duration webhookPoll) {

    /**
     * One calling service.
     *
     * @param token             the value of its {@code X-Internal-Service-Token}; a secret, never logged
     * @param requestsPerSecond its own limit (default 0: the gateway's {@code requests-per-second})
     */
    public record Service(String token, @DefaultValue("0") int requestsPerSecond) {

        @Override
        public String toString() {
            return "Service[token=******, requestsPerSecond=" + requestsPerSecond + "]";
        }
    }
}
