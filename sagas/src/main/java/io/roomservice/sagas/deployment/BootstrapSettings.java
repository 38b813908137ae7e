package io.roomservice.sagas.deployment;

import java.time.Duration;

/** How long a bootstrap waits for the homeserver to answer its health check before it fails. */
public record BootstrapSettings(Duration homeserverWait) {
}
