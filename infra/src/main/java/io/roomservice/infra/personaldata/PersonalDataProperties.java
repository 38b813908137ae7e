package io.roomservice.infra.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long unwrapped data keys stay in memory.
 *
 * @param keyCacheSize at most this many people's data keys are kept in memory (least recently used go
 *                     first; default 10000, 0 turns the cache off)
 * @param keyCacheTtl  a cached key is read from the database again after this long (default 5m). An
 *                     erasure on one node takes effect on the other nodes at the latest after this long.
 */
@ConfigurationProperties("roomservice.personal-data")
public record PersonalDataProperties(@DefaultValue("10000") int keyCacheSize,
                                     @DefaultValue("5m") Duration keyCacheTtl) {

    public PersonalDataProperties {
        if (keyCacheSize < 0) {
            throw new IllegalArgumentException("roomservice.personal-data.key-cache-size must not be negative");
        }
        if (keyCacheTtl == null || keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("roomservice.personal-data.key-cache-ttl must not be negative");
        }
    }
}
