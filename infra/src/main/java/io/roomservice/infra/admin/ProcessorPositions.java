package io.roomservice.infra.admin;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Positions in the event store (global indexes) as a run needs them: where the store's head is, where
 * a processor's stored tokens stand, how many events lie up to a position, and whether any event
 * between two positions is one a projection handles.
 */
final class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final org.axonframework.config.Configuration axon;

    ProcessorPositions(JdbcTemplate jdbc, EventStore eventStore, org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.axon = axon;
    }

    /** The head of the event store; null while it holds no event. */
    Long head() {
        var head = eventStore.createHeadToken();
        if (head == null) {
            return null;
        }
        var position = head.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    /**
     * The positions in the processor's stored tokens, one per segment, read without claiming them (as
     * DirectoryPosition does): a running processor keeps its claims; -1 for a token without a position.
     */
    LongStream stored(String processor) {
        List<Long> positions = jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (rs, n) -> position(rs.getBytes(1), rs.getString(2)), processor);
        return positions.stream().mapToLong(Long::longValue);
    }

    /** The events in the store up to the position: what a run replayed to get there. */
    long eventsUpTo(long position) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                position);
        return count == null ? 0 : count;
    }

    /**
     * Whether any stored event after {@code from} up to {@code to} is one the handlers take. An event of
     * a type this node does not know counts as taken: better to wait than to compare unequal states.
     */
    boolean handledBetween(AnnotationEventHandlerAdapter handlers, long from, long to) {
        if (to <= from) {
            return false;
        }
        var types = jdbc.query("select distinct payload_type, payload_revision from domain_event_entry "
                        + "where global_index > ? and global_index <= ?",
                (rs, n) -> new SimpleSerializedType(rs.getString(1), rs.getString(2)), from, to);
        Set<String> seen = new HashSet<>();
        for (var type : types) {
            if (!seen.add(type.getName())) {
                continue;
            }
            Class<?> payload = axon.eventSerializer().classForType(type);
            if (payload == UnknownSerializedType.class || handlers.canHandleType(payload)) {
                return true;
            }
        }
        return false;
    }

    private long position(byte[] data, String type) {
        if (data == null || type == null) {
            return -1;
        }
        TrackingToken token = axon.serializer().deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
        return token == null ? -1 : token.position().orElse(-1);
    }
}
