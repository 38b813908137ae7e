package io.roomservice.api.gateway;

/** A calling service acted on the homeserver as {@code matrixUserId} for {@code actor} (see {@link RecordGatewayAction}). */
public record GatewayActionRecorded(String matrixUserId, String service, String actor, GatewayAction action,
                                    String roomId, String target, String eventId) {
}
