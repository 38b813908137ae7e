package io.roomservice.infra.world;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Worlds of the virtual office.
 *
 * @param presenceTimeout how long a person stays in an area without a heartbeat (or an enter) before
 *                        they are kicked; the seed's pusher kept sockets for 120 s ("keep above 60 s":
 *                        browsers throttle timers of background tabs)
 */
@ConfigurationProperties("roomservice.worlds")
public record WorldProperties(@DefaultValue("120s") Duration presenceTimeout) {

    public WorldProperties {
        if (presenceTimeout.isNegative() || presenceTimeout.isZero()) {
            throw new IllegalArgumentException("roomservice.worlds.presence-timeout must be positive");
        }
    }
}
