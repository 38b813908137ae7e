package io.roomservice.infra.homeserver;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /createRoom}. {@code roomAliasName} null creates the room without an alias.
 * Fields left null are not sent.
 */
public record CreateRoomRequest(String roomVersion,
                                String name,
                                String roomAliasName,
                                String visibility,
                                CreationContent creationContent,
                                List<InitialState> initialState,
                                PowerLevels powerLevelContentOverride) {

    public CreateRoomRequest withoutAlias() {
        return new CreateRoomRequest(roomVersion, name, null, visibility, creationContent, initialState,
                powerLevelContentOverride);
    }

    /** The {@code m.room.create} content. */
    public record CreationContent(@JsonProperty("m.federate") boolean federate) {
    }

    /** One state event set when the room is created; its state key is always empty here. */
    public record InitialState(String type, String stateKey, Map<String, String> content) {

        public static InitialState of(String type, String key, String value) {
            return new InitialState(type, "", Map.of(key, value));
        }
    }

    /** {@code m.room.power_levels} content. */
    public record PowerLevels(Map<String, Integer> users, int usersDefault, int eventsDefault, int stateDefault,
                              int invite, int kick, int ban, int redact, Map<String, Integer> events) {
    }
}
