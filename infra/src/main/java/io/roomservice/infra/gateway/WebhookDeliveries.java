package io.roomservice.infra.gateway;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The webhook deliveries table. A subscription's deliveries go out one at a time in position order:
 * only the first one not yet delivered is ever due, and while it is parked the later ones wait, so a
 * subscriber never sees an event before one that came earlier.
 */
class WebhookDeliveries {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String PARKED = "parked";

    /** One delivery to make now. */
    record Due(String deliveryId, String subscriptionId, String roomId, String url, long globalIndex,
               String eventId, int attempts) {
    }

    /** A parked delivery, as the admin API lists it. */
    public record Parked(String deliveryId, String subscriptionId, String eventId, int attempts, String lastError,
                  Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Enqueues once: a replayed event changes nothing. */
    void enqueue(String subscriptionId, long position, long globalIndex, String eventId, Instant now) {
        String deliveryId = subscriptionId + "/" + eventId;
        jdbc.update("""
                        insert into gateway_webhook_deliveries (delivery_id, subscription_id, position, global_index,
                            event_id, state, attempts, next_attempt_at, created_at)
                        select ?, ?, ?, ?, ?, ?, 0, ?, ? where not exists
                            (select 1 from gateway_webhook_deliveries where delivery_id = ?)""",
                deliveryId, subscriptionId, position, globalIndex, eventId, PENDING, Timestamp.from(now),
                Timestamp.from(now), deliveryId);
    }

    /** The first undelivered delivery of every active subscription, when it is pending and due. */
    List<Due> due(Instant now, int max) {
        return jdbc.query("""
                        select d.delivery_id, d.subscription_id, s.room_id, s.url, d.global_index, d.event_id,
                               d.attempts, d.state, d.next_attempt_at
                        from gateway_webhook_deliveries d
                        join gateway_webhook_subscriptions s on s.subscription_id = d.subscription_id
                        where s.active = true and d.position = (select min(f.position) from gateway_webhook_deliveries f
                              where f.subscription_id = d.subscription_id and f.state <> ?)
                        order by d.next_attempt_at""",
                        (rs, row) -> PENDING.equals(rs.getString("state"))
                                && !rs.getTimestamp("next_attempt_at").toInstant().isAfter(now)
                                ? new Due(rs.getString("delivery_id"), rs.getString("subscription_id"),
                                rs.getString("room_id"), rs.getString("url"), rs.getLong("global_index"),
                                rs.getString("event_id"), rs.getInt("attempts")) : null,
                        DELIVERED).stream().filter(java.util.Objects::nonNull).limit(max).toList();
    }

    void delivered(String deliveryId, Instant now) {
        jdbc.update("update gateway_webhook_deliveries set state = ?, delivered_at = ?, attempts = attempts + 1, "
                + "last_error = null where delivery_id = ?", DELIVERED, Timestamp.from(now), deliveryId);
    }

    void failed(String deliveryId, String error, Instant nextAttempt) {
        jdbc.update("update gateway_webhook_deliveries set attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = ? where delivery_id = ?", truncate(error), Timestamp.from(nextAttempt), deliveryId);
    }

    void parked(String deliveryId, String error) {
        jdbc.update("update gateway_webhook_deliveries set state = ?, attempts = attempts + 1, last_error = ? "
                + "where delivery_id = ?", PARKED, truncate(error), deliveryId);
    }

    List<Parked> parkedOf(int max) {
        return jdbc.query("select delivery_id, subscription_id, event_id, attempts, last_error, created_at "
                        + "from gateway_webhook_deliveries where state = ? order by position",
                (rs, row) -> new Parked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), PARKED)
                .stream().limit(max).toList();
    }

    /** A parked delivery goes out again now, with a fresh set of retries; false when none is parked so. */
    boolean replay(String deliveryId, Instant now) {
        return jdbc.update("update gateway_webhook_deliveries set state = ?, attempts = 0, next_attempt_at = ? "
                + "where delivery_id = ? and state = ?", PENDING, Timestamp.from(now), deliveryId, PARKED) == 1;
    }

    Map<String, Object> stateOf(String deliveryId) {
        return jdbc.queryForMap("select state, attempts from gateway_webhook_deliveries where delivery_id = ?",
                deliveryId);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
