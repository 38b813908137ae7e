package io.roomservice.infra.appservice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Accepts the homeserver's transactions: a transaction is named by its id and a digest of its event
 * ids; the first delivery records it (a row in {@code appservice_transactions} and, when it holds
 * messages or membership changes, one {@link HomeserverTransactionReceived} event) in one database
 * transaction, before the homeserver gets its answer; every later delivery is a no-op. Nothing else
 * happens on the homeserver's time: projections and reactions follow the event asynchronously.
 *
 * <p>The work runs in an Axon unit of work around the database transaction, as a command handler's
 * would: the event is appended when the unit of work commits, and the event processors are woken
 * after the transaction committed. Published outside a unit of work, the processors were told before
 * the commit, found nothing yet, and only saw the event at their next poll a second later.
 */
@Service
public class TransactionInbox {

    /** What became of a delivery. */
    public enum Outcome { RECORDED, DUPLICATE }

    private static final int RECENT = 1024;

    private final JdbcTemplate jdbc;
    private final PushedEvents pushedEvents;
    private final EventGateway events;
    private final TransactionManager transactions;
    private final Clock clock;
    private final Set<String> recent = Collections.newSetFromMap(new LinkedHashMap<>(RECENT, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT;
        }
    });
    private final Counter recorded;
    private final Counter duplicates;
    private final Counter eventsRecorded;

    public TransactionInbox(JdbcTemplate jdbc, EventGateway events, TransactionManager transactions,
                            MeterRegistry meters, Optional<Clock> clock, MessageSubjects subjects) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock.orElse(Clock.systemUTC());
        this.pushedEvents = new PushedEvents(subjects, this.clock);
        this.recorded = meters.counter("roomservice.appservice.transactions", "outcome", "recorded");
        this.duplicates = meters.counter("roomservice.appservice.transactions", "outcome", "duplicate");
        this.eventsRecorded = meters.counter("roomservice.appservice.events.recorded");
    }

    /**
     * @param rawEvents the transaction's {@code events}, as sent
     * @param requestId the HTTP request's id, recorded as request and correlation id of the event
     */
    public Outcome receive(String txnId, List<JsonNode> rawEvents, String requestId) {
        List<String> ids = rawEvents.stream().map(e -> e.path("event_id").asString("")).toList();
        String digest = Fingerprints.sha256Hex(String.join("\n", ids));
        String key = txnId + "/" + digest;
        synchronized (recent) {
            if (recent.contains(key)) {
                duplicates.increment();
                return Outcome.DUPLICATE;
            }
        }
        List<MatrixRoomEvent> kept = pushedEvents.keep(rawEvents);
        Boolean isNew;
        try {
            isNew = inUnitOfWork(() -> {
                int inserted = jdbc.update("""
                                insert into appservice_transactions (txn_id, digest, event_count, received_at)
                                select ?, ?, ?, ? where not exists
                                    (select 1 from appservice_transactions where txn_id = ? and digest = ?)""",
                        txnId, digest, rawEvents.size(), Timestamp.from(clock.instant()), txnId, digest);
                if (inserted == 0) {
                    return false;
                }
                if (!kept.isEmpty()) {
                    events.publish(GenericEventMessage.asEventMessage(
                                    new HomeserverTransactionReceived(txnId, digest, kept))
                            .andMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.HOMESERVER_ACTOR,
                                    MetaDataKeys.REQUEST_ID, requestId,
                                    MetaDataKeys.CORRELATION_ID, requestId)));
                }
                return true;
            });
        } catch (DuplicateKeyException concurrentDelivery) {
            isNew = false;
        }
        synchronized (recent) {
            recent.add(key);
        }
        if (Boolean.TRUE.equals(isNew)) {
            recorded.increment();
            eventsRecorded.increment(kept.size());
            return Outcome.RECORDED;
        }
        duplicates.increment();
        return Outcome.DUPLICATE;
    }

    private <T> T inUnitOfWork(Supplier<T> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            unitOfWork.rollback(failure);
            throw failure;
        }
        // appends the event, commits, then wakes the processors; rolls back by itself when that fails
        unitOfWork.commit();
        return result;
    }

    /** Forgets the in-memory part of the dedupe (the database keeps the rest); for a wiped test homeserver. */
    public void forgetRecent() {
        synchronized (recent) {
            recent.clear();
        }
    }

    /** Rows older than the cut-off are pruned: a homeserver retries for minutes, not weeks. */
    public int pruneOlderThan(Instant cutoff) {
        return jdbc.update("delete from appservice_transactions where received_at < ?", Timestamp.from(cutoff));
    }
}
