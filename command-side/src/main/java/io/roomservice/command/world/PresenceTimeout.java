package io.roomservice.command.world;

import java.time.Duration;

/**
 * How long a person stays in an area without a heartbeat ({@code roomservice.worlds.presence-timeout}),
 * injected into the presence decisions as a resource.
 */
@FunctionalInterface
public interface PresenceTimeout {

    Duration duration();

    static PresenceTimeout of(Duration duration) {
        return () -> duration;
    }
}
