package io.roomservice.infra.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Homeserver migrations ({@code POST /api/admin/matrix/migrations/}).
 *
 * @param concurrency rooms being recreated on the new homeserver at once (default 4): each is a few
 *                    homeserver calls as persisted work, and the member sync its activation starts
 *                    registers and invites its people, so a few at a time keeps a fresh homeserver
 *                    below its rate limits while the scheduler's threads stay free for other work.
 *                    Recorded with each migration when it starts.
 */
@ConfigurationProperties("roomservice.migration")
public record MigrationProperties(@DefaultValue("4") int concurrency) {

    public MigrationProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("roomservice.migration.concurrency must be at least 1");
        }
    }
}
