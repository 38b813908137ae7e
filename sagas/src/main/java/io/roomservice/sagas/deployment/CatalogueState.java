package io.roomservice.sagas.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state every catalogue room must have, and applying it idempotently: each state event is read
 * first and written only when it differs, so a bootstrap over a complete catalogue changes nothing.
 * Power levels are merged into what the room has (people's levels stay as they are).
 */
public final class CatalogueState {

    /** Calls (1:1 and Element Call) are open to everyone. */
    static final List<String> CALL_EVENTS = List.of("m.call.invite", "m.call.candidates", "m.call.answer",
            "m.call.hangup", "m.call.select_answer", "m.call.reject", "m.call.negotiate", "org.matrix.msc3401.call",
            "org.matrix.msc3401.call.member");
    static final int BOT_LEVEL = 200;
    public static final String POWER_LEVELS = "m.room.power_levels";

    private final DeploymentHomeserver homeserver;
    public CatalogueState(DeploymentHomeserver homeserver) {
        this.homeserver = homeserver;
    }

    /**
     * The power levels a catalogue room is created with: the events' levels only. Where the bot must be
     * named at 200 (room versions before 12), the state applied next raises it; from room version 12 on
     * the creator is above every level and may not be named at all (the homeserver refuses the room).
     */
    static Map<String, Object> powerLevelOverride(boolean space) {
        return Map.of("events", eventLevels(space));
    }

    private static Map<String, Object> eventLevels(boolean space) {
        Map<String, Object> events = new LinkedHashMap<>();
        CALL_EVENTS.forEach(type -> events.put(type, 0));
        if (space) {
            events.put("m.space.child", 0);
        }
        return events;
    }

    /** The levels to merge into the room's: the bot at 200 unless, as the room's creator, it is above them. */
    static Map<String, Object> wantedLevels(String bot, boolean space, boolean creatorPrivileged) {
        return creatorPrivileged ? Map.of("events", eventLevels(space))
                : Map.of("users", Map.of(bot, BOT_LEVEL), "events", eventLevels(space));
    }

    /**
     * Whether the room's version puts its creators above every power level (MSC4289, room version 12
     * and later). The bot creates the catalogue's rooms, so it is their creator.
     */
    boolean creatorPrivileged(String roomId) {
        Map<String, Object> create = homeserver.state(roomId, "m.room.create", "").orElse(Map.of());
        String version = String.valueOf(create.getOrDefault("room_version", "1"));
        return version.matches("\\d+") && Integer.parseInt(version) >= 12;
    }

    /**
     * Applies the room's state; answers the state events it had to write ({@code type} or
     * {@code type/state key}), empty when the room was as it should be.
     */
    public List<String> apply(CatalogueRoom room, Map<String, String> rooms, String deployment, String domain,
                              String bot) {
        return ensureAll(room, rooms, deployment, domain, bot, true);
    }

    /** The state events that differ from what the room must have ({@code type} or {@code type/state key}); writes nothing. */
    public List<String> differences(CatalogueRoom room, Map<String, String> rooms, String deployment, String domain,
                                    String bot) {
        return ensureAll(room, rooms, deployment, domain, bot, false);
    }

    private List<String> ensureAll(CatalogueRoom room, Map<String, String> rooms, String deployment, String domain,
                                   String bot, boolean write) {
        String roomId = rooms.get(room.key());
        List<String> written = new ArrayList<>();
        ensure(roomId, "m.room.name", "", Map.of("name", room.name(deployment)), written, write);
        if (room.topic() != null) {
            ensure(roomId, "m.room.topic", "", Map.of("topic", room.topic()), written, write);
        }
        ensure(roomId, "m.room.join_rules", "", joinRule(room, rooms.get(CatalogueRoom.SPACE.key())), written, write);
        if (!room.isSpace()) {
            ensure(roomId, "m.room.encryption", "", Map.of("algorithm", "m.megolm.v1.aes-sha2"), written, write);
            ensure(roomId, "m.room.history_visibility", "", Map.of("history_visibility", "joined"), written, write);
        }
        ensurePowerLevels(roomId, wantedLevels(bot, room.isSpace(), creatorPrivileged(roomId)), written, write);
        if (room.isSpace()) {
            for (CatalogueRoom child : CatalogueRoom.values()) {
                if (!child.isSpace()) {
                    ensure(roomId, "m.space.child", rooms.get(child.key()),
                            Map.of("via", List.of(domain), "suggested", false), written, write);
                }
            }
        }
        return written;
    }

    private static Map<String, Object> joinRule(CatalogueRoom room, String spaceId) {
        if (room.isSpace() || room == CatalogueRoom.ADMIN) {
            return Map.of("join_rule", "invite");
        }
        return Map.of("join_rule", "restricted", "allow", List.of(Map.of("type", "m.room_membership", "room_id", spaceId)));
    }

    private void ensure(String roomId, String type, String stateKey, Map<String, Object> content, List<String> written,
                        boolean write) {
        boolean same = homeserver.state(roomId, type, stateKey).map(current -> sameContent(current, content))
                .orElse(false);
        if (!same) {
            if (write) {
                homeserver.putState(roomId, type, stateKey, content);
            }
            written.add(stateKey.isEmpty() ? type : type + "/" + stateKey);
        }
    }

    /** Numbers compare by value: the homeserver answers {@code 0} where the content says {@code 0L}. */
    private static boolean sameContent(Object current, Object wanted) {
        if (current instanceof Number a && wanted instanceof Number b) {
            return a.longValue() == b.longValue();
        }
        if (current instanceof Map<?, ?> a && wanted instanceof Map<?, ?> b) {
            return a.size() == b.size() && a.entrySet().stream()
                    .allMatch(e -> b.containsKey(e.getKey()) && sameContent(e.getValue(), b.get(e.getKey())));
        }
        if (current instanceof List<?> a && wanted instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameContent(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(current, wanted);
    }

    /** Merges the wanted levels into the room's (under {@code users} and {@code events}); writes only a change. */
    private void ensurePowerLevels(String roomId, Map<String, Object> wanted, List<String> written, boolean write) {
        Map<String, Object> current = homeserver.state(roomId, POWER_LEVELS, "").orElse(Map.of());
        Map<String, Object> merged = PowerLevels.merged(current, wanted);
        if (!sameContent(current, merged)) {
            if (write) {
                homeserver.putState(roomId, POWER_LEVELS, "", merged);
            }
            written.add(POWER_LEVELS);
        }
    }
}
