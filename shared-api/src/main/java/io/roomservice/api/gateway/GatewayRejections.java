package io.roomservice.api.gateway;

/** The codes with which the gateway's aggregates refuse commands. */
public final class GatewayRejections {

    public static final String UNKNOWN_SUBSCRIPTION = "unknown-subscription";

    private GatewayRejections() {
    }
}
