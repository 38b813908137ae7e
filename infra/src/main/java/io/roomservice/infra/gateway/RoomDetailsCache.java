package io.roomservice.infra.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Room details served from memory for {@code room-cache-ttl}, so that services polling a room's
 * details do not each cost the homeserver a state read. An entry ends early when roomservice sees the
 * room change: the gateway changed it, or the homeserver pushed one of its events.
 */
class RoomDetailsCache {

    private record Entry(RoomDetails details, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    RoomDetailsCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    RoomDetails get(String roomId, Supplier<RoomDetails> load) {
        Instant now = clock.instant();
        Entry known = entries.get(roomId);
        if (known != null && now.isBefore(known.until())) {
            return known.details();
        }
        RoomDetails loaded = load.get();
        entries.put(roomId, new Entry(loaded, now.plus(ttl)));
        return loaded;
    }

    void invalidate(String roomId) {
        entries.remove(roomId);
    }
}
