package io.roomservice.api.common;

/**
 * Metadata every message of roomservice carries, so that an auditor can answer "who did this and why".
 */
public final class MetaDataKeys {

    /** Who caused the message: {@code user:<uuid>}, {@code host}, {@code homeserver} or {@code system}. */
    public static final String ACTOR = "actor";

    /** Ties every message caused by one request together, across aggregates and sagas. */
    public static final String CORRELATION_ID = "correlationId";

    /** The id of the message that directly caused this one (Axon's own correlation). */
    public static final String CAUSATION_ID = "causationId";

    /** The id of the HTTP request (or job run) that started the chain. */
    public static final String REQUEST_ID = "requestId";

    public static final String SYSTEM_ACTOR = "system";
    public static final String HOST_ACTOR = "host";
    public static final String HOMESERVER_ACTOR = "homeserver";

    private MetaDataKeys() {
    }

    public static String userActor(String userId) {
        return "user:" + userId;
    }
}
