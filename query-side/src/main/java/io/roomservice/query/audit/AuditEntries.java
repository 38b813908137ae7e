package io.roomservice.query.audit;

import io.roomservice.api.audit.AuditEntry;
import io.roomservice.api.common.MetaDataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.Objects;

/**
 * An aggregate's stored events as auditors see them. Axon records the aggregate's simple class name
 * as each event's aggregate type; identifiers are uuids of every kind of aggregate, so only the events
 * of the asked-for type are shown: a person's uuid asked for as a room's answers nothing.
 */
final class AuditEntries {

    private AuditEntries() {
    }

    static List<AuditEntry> of(java.util.stream.Stream<? extends DomainEventMessage<?>> events, String aggregateType,
                               Serializer eventSerializer) {
        return events.takeWhile(event -> aggregateType.equals(event.getType()))
                .map(event -> entry(event, eventSerializer)).toList();
    }

    static AuditEntry entry(DomainEventMessage<?> event, Serializer eventSerializer) {
        var metaData = event.getMetaData();
        String payload = eventSerializer.serialize(event.getPayload(), String.class).getData();
        return new AuditEntry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), text(metaData.get(MetaDataKeys.ACTOR)),
                text(metaData.get(MetaDataKeys.CORRELATION_ID)), text(metaData.get(MetaDataKeys.CAUSATION_ID)),
                text(metaData.get(MetaDataKeys.REQUEST_ID)), payload);
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
