package io.roomservice.infra.axon;

import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.time.Instant;

/**
 * An event as read from the store, whose timestamp is parsed once ({@link EventTimestamps#parse}) and
 * then remembered. Axon's own entry parses its timestamp text on every call, and a processor reading an
 * event asks at least twice (for the gap check of its token, and for the message).
 */
final class StoredEventEntry<T> extends GenericDomainEventEntry<T> {

    private final String timestampText;
    private Instant timestamp;

    StoredEventEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                     String timestampText, String payloadType, String payloadRevision, T payload, T metaData) {
        super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestampText, payloadType, payloadRevision,
                payload, metaData);
        this.timestampText = timestampText;
    }

    @Override
    public Instant getTimestamp() {
        // a benign race: threads that both miss parse the same text to equal instants
        Instant parsed = timestamp;
        if (parsed == null) {
            parsed = EventTimestamps.parse(timestampText);
            timestamp = parsed;
        }
        return parsed;
    }
}
