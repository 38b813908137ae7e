package io.roomservice.infra.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the due webhook deliveries, run by a recurring db-scheduler task (one node at a time, so one
 * delivery per subscription is in flight). A failed attempt is retried after {@code backoff}, doubled
 * each time, up to {@code retries} times; then the delivery is parked, and the subscription's later
 * deliveries wait behind it until staff replay it ({@code /api/admin/gateway/webhook-deliveries}).
 * The schedule is in the deliveries table, so a restart goes on where it stopped.
 */
class WebhookDispatcher {

    private static final int BATCH = 100;

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final int retries;
    private final Duration backoff;
    private final Clock clock;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSender sender, int retries, Duration backoff, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.retries = retries;
        this.backoff = backoff;
        this.clock = clock;
    }

    /**
     * One pass: the first due delivery of each subscription.
     *
     * @return how many were delivered: after one, the subscription's next may be due at once
     */
    int deliverDue() {
        int delivered = 0;
        for (WebhookDeliveries.Due due : deliveries.due(clock.instant(), BATCH)) {
            Optional<String> failure = sender.deliver(due);
            Instant now = clock.instant();
            if (failure.isEmpty()) {
                deliveries.delivered(due.deliveryId(), now);
                delivered++;
            } else if (due.attempts() >= retries) {
                deliveries.parked(due.deliveryId(), failure.get());
            } else {
                deliveries.failed(due.deliveryId(), failure.get(), now.plus(backoff.multipliedBy(1L << due.attempts())));
            }
        }
        return delivered;
    }

    /**
     * Passes until nothing more is due now and no delivery was enqueued meanwhile (a burst goes out
     * back to back, not one event per subscription a second), for at most {@code limit}, so the task
     * ends now and then and its execution is seen to move on.
     */
    void deliverWhileDue(WebhookWakeUp wakeUp, Duration limit) {
        Instant end = clock.instant().plus(limit);
        boolean again;
        do {
            wakeUp.takeWoken();
            again = deliverDue() > 0;
            again = wakeUp.takeWoken() || again;
        } while (again && clock.instant().isBefore(end));
    }
}
