package io.roomservice.infra.personaldata;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The unwrapped data keys in memory: bounded (least recently used go first) and expiring, so that an
 * erasure on another node is seen here after the time to live at the latest.
 *
 * <p>A key read from the database may be erased before the reader gets to cache it. Every eviction
 * therefore advances an epoch, and a reader caches its key only if no eviction happened since it
 * started to look the key up ({@link #put}); a key that is gone is never cached again.
 */
final class KeyCache {

    private final int maxSize;
    private final Duration ttl;
    private final Clock clock;
    private final Map<UUID, Entry> entries;
    private long epoch;

    KeyCache(int maxSize, Duration ttl, Clock clock) {
        this.maxSize = maxSize;
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > KeyCache.this.maxSize;
            }
        };
    }

    synchronized SecretKey get(UUID subject) {
        Entry entry = entries.get(subject);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(subject);
            return null;
        }
        return entry.key();
    }

    /** Taken before a look-up in the database; hand it to {@link #put}. */
    synchronized long epoch() {
        return epoch;
    }

    /** Caches the key unless a key was evicted since {@code epochBeforeLookUp}. */
    synchronized void put(UUID subject, SecretKey key, long epochBeforeLookUp) {
        if (maxSize > 0 && epoch == epochBeforeLookUp) {
            entries.put(subject, new Entry(key, clock.instant().plus(ttl)));
        }
    }

    synchronized void evict(UUID subject) {
        epoch++;
        entries.remove(subject);
    }

    synchronized void clear() {
        epoch++;
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private record Entry(SecretKey key, Instant expiresAt) {
    }
}
