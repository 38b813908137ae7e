package io.roomservice.infra.gateway;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.Set;

/**
 * Which rooms and event types a sync answers: {@code {"rooms": [...], "types": [...]}}, or the same
 * in a Matrix filter's places ({@code room.rooms}, {@code room.timeline.types}). Absent means all.
 */
record SyncFilter(Set<String> rooms, Set<String> types) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SyncFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return new SyncFilter(null, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(filter);
        } catch (JacksonException e) {
            throw GatewayException.badJson("filter is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw GatewayException.badJson("filter must be a JSON object.");
        }
        JsonNode rooms = root.has("rooms") ? root.get("rooms") : root.path("room").get("rooms");
        JsonNode types = root.has("types") ? root.get("types") : root.path("room").path("timeline").get("types");
        return new SyncFilter(strings(rooms, "rooms"), strings(types, "types"));
    }

    boolean accepts(String roomId, String type) {
        return (rooms == null || rooms.contains(roomId)) && (types == null || types.contains(type));
    }

    private static Set<String> strings(JsonNode list, String field) {
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw GatewayException.badJson("filter " + field + " must be a list of strings.");
        }
        Set<String> values = new HashSet<>();
        for (JsonNode value : list) {
            if (!value.isString()) {
                throw GatewayException.badJson("filter " + field + " must be a list of strings.");
            }
            values.add(value.stringValue());
        }
        return values;
    }
}
