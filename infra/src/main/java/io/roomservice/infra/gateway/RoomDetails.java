package io.roomservice.infra.gateway;

import tools.jackson.databind.JsonNode;

/**
 * The specification's room details, read from the room's current state.
 *
 * @param memberCount   members joined or invited
 * @param joinedMembers members joined
 * @param encryption    the {@code m.room.encryption} algorithm, null in an unencrypted room
 */
record RoomDetails(String roomId, String name, String topic, String avatarUrl, String canonicalAlias,
                   int memberCount, int joinedMembers, String encryption) {

    static RoomDetails of(String roomId, JsonNode state) {
        String name = null;
        String topic = null;
        String avatar = null;
        String alias = null;
        String encryption = null;
        int members = 0;
        int joined = 0;
        for (JsonNode event : state.path("state")) {
            JsonNode content = event.path("content");
            switch (event.path("type").asString()) {
                case "m.room.name" -> name = text(content, "name");
                case "m.room.topic" -> topic = text(content, "topic");
                case "m.room.avatar" -> avatar = text(content, "url");
                case "m.room.canonical_alias" -> alias = text(content, "alias");
                case "m.room.encryption" -> encryption = text(content, "algorithm");
                case "m.room.member" -> {
                    String membership = text(content, "membership");
                    if ("join".equals(membership)) {
                        joined++;
                        members++;
                    } else if ("invite".equals(membership)) {
                        members++;
                    }
                }
                default -> {
                    // other state says nothing the details show
                }
            }
        }
        return new RoomDetails(roomId, name, topic, avatar, alias, members, joined, encryption);
    }

    private static String text(JsonNode content, String field) {
        JsonNode value = content.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
