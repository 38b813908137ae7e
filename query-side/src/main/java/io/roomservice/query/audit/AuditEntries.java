package io.roomservice.query.audit;

import io.roomservice.api.audit.AuditEntry;
import io.roomservice.api.common.MetaDataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An aggregate's stored events as auditors see them. Axon records the aggregate's simple class name
 * as each event's aggregate type; identifiers are uuids of every kind of aggregate, so only the events
 * of the asked-for type are shown: a person's uuid asked for as a room's answers nothing.
 */
public final class AuditEntries {

    private AuditEntries() {
    }

    /** Each payload as the event serializer stores it. */
    public static List<AuditEntry> of(Stream<? extends DomainEventMessage<?>> events, String aggregateType,
                                      Serializer eventSerializer) {
        return of(events, aggregateType, payload -> eventSerializer.serialize(payload, String.class).getData());
    }

    /** Each payload as {@code render} shows it (e.g. personal text as its value). */
    public static List<AuditEntry> of(Stream<? extends DomainEventMessage<?>> events, String aggregateType,
                                      Function<Object, String> render) {
        return events.takeWhile(event -> aggregateType.equals(event.getType()))
                .map(event -> entry(event, render.apply(event.getPayload()))).toList();
    }

    private static AuditEntry entry(DomainEventMessage<?> event, String payload) {
        var metaData = event.getMetaData();
        return new AuditEntry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), text(metaData.get(MetaDataKeys.ACTOR)),
                text(metaData.get(MetaDataKeys.CORRELATION_ID)), text(metaData.get(MetaDataKeys.CAUSATION_ID)),
                text(metaData.get(MetaDataKeys.REQUEST_ID)), payload);
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
