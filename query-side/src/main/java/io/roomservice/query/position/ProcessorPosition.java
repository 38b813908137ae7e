package io.roomservice.query.position;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * How far a read model's processor has come: the global index up to which every stored event has
 * been applied to its tables, or -1 before it applied any. A reader that must see the effect of a
 * known event (a member sync, a history deletion) compares it with that event's position.
 * <p>
 * Read straight from {@code token_entry} and deserialized with the serializer Axon's token store
 * uses; never through {@code TokenStore.fetchToken}, which claims the token and would take it away
 * from the processor. With several segments the lowest wins. A replay answers its current position.
 * The JPA event store hands out gap-aware tokens: an index together with the lower global indexes
 * it has not seen yet (transactions still open when it passed, or rolled back for good). A gap that
 * has meanwhile become a stored event is not applied yet, so the position stops just below it;
 * gaps that hold no event do not hold the position back.
 */
public class ProcessorPosition {

    private static final int GAP_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String processor;

    public ProcessorPosition(JdbcTemplate jdbc, Serializer serializer, String processor) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processor = processor;
    }

    public long current() {
        List<Long> positions = jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (rs, n) -> positionOf(token(rs.getBytes(1), rs.getString(2))), processor);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }

    long positionOf(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        if (token instanceof ReplayToken replay) {
            return positionOf(replay.getCurrentToken());
        }
        if (token instanceof GlobalSequenceTrackingToken sequence) {
            return sequence.getGlobalIndex();
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.hasGaps() ? belowFirstStoredGap(gapAware.getIndex(), gapAware.getGaps())
                    : gapAware.getIndex();
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    private long belowFirstStoredGap(long index, Collection<Long> gaps) {
        List<Long> all = new ArrayList<>(gaps);
        long first = Long.MAX_VALUE;
        for (int from = 0; from < all.size(); from += GAP_BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + GAP_BATCH));
            String marks = batch.stream().map(g -> "?").collect(Collectors.joining(", "));
            Long stored = jdbc.queryForObject("select min(global_index) from domain_event_entry where global_index in ("
                    + marks + ")", Long.class, batch.toArray());
            if (stored != null) {
                first = Math.min(first, stored);
                break; // the gaps are in ascending order: later batches hold only higher ones
            }
        }
        return first == Long.MAX_VALUE ? index : first - 1;
    }
}
