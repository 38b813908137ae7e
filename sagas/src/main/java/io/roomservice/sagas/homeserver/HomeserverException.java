package io.roomservice.sagas.homeserver;

import java.time.Duration;
import java.util.Optional;

/**
 * A homeserver call that did not succeed. {@link #isTransient()} tells whether the same call may
 * succeed later (timeouts, 5xx, 429, connection errors); the message is readable by people and
 * never contains a token.
 */
public class HomeserverException extends RuntimeException {

    private final boolean transientFailure;
    private final boolean rateLimited;
    private final Duration retryAfter;

    private HomeserverException(String message, boolean transientFailure, boolean rateLimited, Duration retryAfter,
                                Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.rateLimited = rateLimited;
        this.retryAfter = retryAfter;
    }

    public static HomeserverException transientFailure(String message, Throwable cause) {
        return new HomeserverException(message, true, false, null, cause);
    }

    /** The homeserver asked us to slow down (429) and said for how long. */
    public static HomeserverException rateLimited(String message, Duration retryAfter) {
        return new HomeserverException(message, true, true, retryAfter, null);
    }

    public static HomeserverException permanentFailure(String message) {
        return new HomeserverException(message, false, false, null, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** A 429: the homeserver is up and asked us to wait, which a caller may be told as is. */
    public boolean isRateLimited() {
        return rateLimited;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
