package io.roomservice.sagas.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/** Read-modify-write of {@code m.room.power_levels} content: everything not named stays as the room has it. */
final class PowerLevels {

    private PowerLevels() {
    }

    /** {@code current} with the entries of {@code wanted}'s {@code users} and {@code events} maps set. */
    static Map<String, Object> merged(Map<String, Object> current, Map<String, Object> wanted) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        for (String section : new String[] {"users", "events"}) {
            if (wanted.get(section) instanceof Map<?, ?> entries) {
                Map<String, Object> levels = section(current, section);
                entries.forEach((key, level) -> levels.put((String) key, level));
                merged.put(section, levels);
            }
        }
        return merged;
    }

    /** {@code current} with the user's level set, or their entry removed (back to the room's default) when null. */
    static Map<String, Object> withUser(Map<String, Object> current, String userId, Integer level) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        Map<String, Object> users = section(current, "users");
        if (level == null) {
            users.remove(userId);
        } else {
            users.put(userId, level);
        }
        merged.put("users", users);
        return merged;
    }

    private static Map<String, Object> section(Map<String, Object> content, String section) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (content.get(section) instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> copy.put((String) key, value));
        }
        return copy;
    }
}
