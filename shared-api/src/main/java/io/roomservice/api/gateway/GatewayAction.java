package io.roomservice.api.gateway;

/** What a calling service did on the homeserver through the internal Matrix gateway. */
public enum GatewayAction {
    ROOM_CREATED, ROOM_RENAMED, MESSAGE_SENT, REACTION_SENT, MESSAGE_REDACTED, USER_INVITED, ROOM_JOINED, ROOM_LEFT,
    USER_KICKED, USER_REGISTERED, DISPLAY_NAME_SET, AVATAR_SET, MEDIA_UPLOADED
}
