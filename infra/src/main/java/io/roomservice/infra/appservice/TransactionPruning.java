package io.roomservice.infra.appservice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Forgets transactions the homeserver can no longer retry: Synapse gives up backing off after minutes,
 * so a month of ids ({@code roomservice.appservice.transaction-retention}, default 30d) is plenty.
 * Deleting twice (on several instances) is harmless.
 */
@Component
class TransactionPruning {

    private static final Logger log = LoggerFactory.getLogger(TransactionPruning.class);

    private final TransactionInbox inbox;
    private final Duration retention;
    private final Clock clock;

    TransactionPruning(TransactionInbox inbox,
                       @Value("${roomservice.appservice.transaction-retention:30d}") Duration retention,
                       Optional<Clock> clock) {
        this.inbox = inbox;
        this.retention = retention;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(cron = "${roomservice.appservice.transaction-pruning-cron:0 15 3 * * *}", zone = "UTC")
    void prune() {
        int pruned = inbox.pruneOlderThan(clock.instant().minus(retention));
        if (pruned > 0) {
            log.info("Pruned {} appservice transaction record(s) older than {}", pruned, retention);
        }
    }
}
