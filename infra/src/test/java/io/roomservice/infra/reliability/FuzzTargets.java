package io.roomservice.infra.reliability;

import io.roomservice.infra.reliability.ApiOperations.Operation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real records the fuzzer aims at, so that a hostile request reaches as far into the service as
 * it can: a path parameter names a record that exists, and every body field but the spoiled one is
 * valid (and equal to what is stored, so that a request the service accepts changes nothing). An
 * operation that would end its record (DELETE, erase, disable, reactivate) gets one of its own.
 */
record FuzzTargets(Ids ids) {

    /** The records the test created. */
    record Ids(String customer, String project, String projectToDelete, String user, String username,
               String userToDelete, String userToErase, String activeRoom, String roomToDisable,
               String archivedRoom, String roomToReactivate, String matrixRoomId, String processor,
               String botUserId, String group, String groupPerson, String groupPersonDeleted) {
    }

    /** The group, its person and its content, stored with these bodies before the run. */
    static final Map<String, String> GROUP = Map.of("slug", quoted("fuzz-group"), "name", quoted("Fuzz group"),
            "url", quoted("https://example.org/fuzz-group/"));
    static final Map<String, String> GROUP_PERSON = Map.of("slug", quoted("fuzz-person"),
            "matrix_id", quoted("@fuzz-person:elsewhere.test"));
    static final Map<String, String> GROUP_CONTENT = Map.of("type", quoted("Article"), "title", quoted("Fuzz news"),
            "url", quoted("https://example.org/fuzz-news"), "internal", "false", "author", "null");

    static String contentOf(String group) {
        return java.util.UUID.nameUUIDFromBytes(("content:" + group).getBytes()).toString();
    }

    /** The resource and order of the aimed-at project, stored with these bodies before the run (so a repeat changes nothing). */
    static final Map<String, String> RESOURCE = Map.of("name", quoted("Fuzz resource"), "state", quoted("ok"));
    static final Map<String, String> ORDER = Map.of("type", quoted("Create"), "offering", quoted("Fuzz offering"),
            "resource", "null", "state", quoted("done"), "created", quoted("2026-01-01T00:00:00Z"), "requested_by", "null");

    static String resourceOf(String project) {
        return java.util.UUID.nameUUIDFromBytes(("resource:" + project).getBytes()).toString();
    }

    static String orderOf(String project) {
        return java.util.UUID.nameUUIDFromBytes(("order:" + project).getBytes()).toString();
    }

    /** The world of the aimed-at project's fuzz run: a world, a map room, an area, a room to delete, stored before the run. */
    static String worldOf(String project) {
        return java.util.UUID.nameUUIDFromBytes(("world:" + project).getBytes()).toString();
    }

    static String mapRoomOf(String project) {
        return java.util.UUID.nameUUIDFromBytes(("map-room:" + project).getBytes()).toString();
    }

    static String areaOf(String project) {
        return java.util.UUID.nameUUIDFromBytes(("area:" + project).getBytes()).toString();
    }

    static String roomToDeleteOf(String project) {
        return java.util.UUID.nameUUIDFromBytes(("room-to-delete:" + project).getBytes()).toString();
    }

    static final Map<String, String> WORLD = Map.of("organisation", quoted("fuzz"), "slug", quoted("hq"), "name",
            quoted("Fuzz world"));
    static final Map<String, String> MAP_ROOM = Map.of("kind", quoted("map"), "name", quoted("Fuzz lobby"), "tags", "[]");
    static final Map<String, String> MEMBER = Map.of("tags", "[\"dev\"]");

    static String json(Map<String, String> members) {
        return members.entrySet().stream().map(e -> quoted(e.getKey()) + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }

    /** Each path parameter's value for this operation, percent-encoded. */
    Map<String, String> pathValues(Operation operation) {
        var values = new LinkedHashMap<String, String>();
        String path = operation.path();
        String method = operation.method();
        for (var parameter : operation.in("path")) {
            values.put(parameter.name(), switch (parameter.name()) {
                case "uuid" -> uuid(method, path);
                case "user" -> ids.user();
                case "role" -> path.startsWith("/api/host/customers/") ? "owner" : "member";
                case "name" -> ids.processor();
                case "sequence" -> "0";
                case "kind" -> "export";
                case "txnId" -> "fuzz-transaction";
                case "userId" -> ids.botUserId();
                case "alias" -> "%23rs-fuzz:scripted.test";
                case "resource" -> resourceOf(ids.project());
                case "order" -> orderOf(ids.project());
                case "room" -> method.equals("DELETE") ? roomToDeleteOf(ids.project()) : mapRoomOf(ids.project());
                case "area" -> areaOf(ids.project());
                // a member of the group when added; no member (deleted before) when removed
                case "person" -> !path.startsWith("/api/host/groups/") ? ids.user()
                        : method.equals("DELETE") ? ids.groupPersonDeleted() : ids.groupPerson();
                case "content" -> contentOf(ids.group());
                default -> throw new IllegalStateException("No fuzz target for {" + parameter.name() + "} of " + operation
                        + ": add one to FuzzTargets");
            });
        }
        return values;
    }

    private String uuid(String method, String path) {
        if (path.startsWith("/api/host/worlds/") || path.startsWith("/api/worlds/")) {
            return worldOf(ids.project());
        }
        if (path.startsWith("/api/host/projects/")) {
            return method.equals("DELETE") && !path.contains("/roles/") ? ids.projectToDelete() : ids.project();
        }
        if (path.startsWith("/api/host/users/")) {
            if (path.contains("/erase")) {
                return ids.userToErase();
            }
            return method.equals("DELETE") ? ids.userToDelete() : ids.user();
        }
        if (path.startsWith("/api/host/customers/")) {
            return ids.customer();
        }
        if (path.startsWith("/api/host/groups/") || path.startsWith("/api/admin/groups/")) {
            return ids.group();
        }
        if (path.startsWith("/api/host/group-people/")) {
            return method.equals("DELETE") ? ids.groupPersonDeleted() : ids.groupPerson();
        }
        if (path.startsWith("/api/audit/users/") || path.startsWith("/api/audit/worlds/people/")) {
            return ids.user();
        }
        if (path.contains("/disable")) {
            return ids.roomToDisable();
        }
        if (path.contains("/reactivate")) {
            return ids.roomToReactivate();
        }
        if (path.startsWith("/api/matrix/rooms/") && method.equals("DELETE")) {
            return ids.archivedRoom();
        }
        return ids.activeRoom();
    }

    /** The valid body of this operation, member by member as JSON text; null when it takes none. */
    Map<String, String> body(Operation operation) {
        if (operation.body() == null) {
            return null;
        }
        var body = new LinkedHashMap<String, String>();
        switch (operation.body().schema()) {
            case "UserRequest" -> {
                body.put("username", quoted(ids.username()));
                body.put("full_name", quoted("Fuzz User"));
                body.put("email", "null");
            }
            case "ProjectRequest" -> {
                body.put("customer", quoted(ids.customer()));
                body.put("name", quoted("Fuzz project"));
            }
            case "CustomerRequest" -> body.put("name", quoted("Fuzz customer"));
            case "CreateRoomRequest" -> body.put("project", quoted(ids.project()));
            case "DisableRoomRequest" -> body.put("delete_history", "false");
            case "SetupRequest" -> {
                body.put("url", quoted("http://127.0.0.1:8080/"));
                body.put("sender_localpart", quoted("roomservice-bot"));
                body.put("homeserver_url", quoted("http://127.0.0.1:9/"));
                body.put("homeserver_domain", quoted("scripted.test"));
                body.put("user_registration_secret", quoted("fuzz-secret"));
            }
            case "Transaction" -> body.put("events", "[]");
            case "ResourceRequest" -> RESOURCE.forEach(body::put);
            case "OrderRequest" -> ORDER.forEach(body::put);
            case "WorldRequest" -> WORLD.forEach(body::put);
            case "WorldRoomRequest" -> MAP_ROOM.forEach(body::put);
            case "WorldMemberRequest" -> MEMBER.forEach(body::put);
            case "PresenceRequest" -> body.put("person", quoted(ids.user()));
            case "ChatIdRequest" -> body.put("chat_id", quoted("@fuzz:scripted.test"));
            case "GroupRequest" -> GROUP.forEach(body::put);
            case "GroupPersonRequest" -> GROUP_PERSON.forEach(body::put);
            case "GroupContentRequest" -> GROUP_CONTENT.forEach(body::put);
            case "ReconcileRequest" -> body.put("dry_run", "true");
            default -> operation.body().properties().forEach(p -> body.put(p.name(), switch (p.type()) {
                case "boolean" -> "false";
                case "integer", "number" -> "1";
                case "array" -> "[]";
                default -> quoted("x");
            }));
        }
        return body;
    }

    /**
     * Hostile values of particular body fields: events the homeserver could push that are strange
     * inside (control characters, half a character, a NUL, wrong types, no ids).
     */
    Map<String, Map<String, String>> extraValues(Operation operation) {
        if (operation.body() == null || !operation.body().schema().equals("Transaction")) {
            return Map.of();
        }
        String message = "{\"type\": \"m.room.message\", \"event_id\": \"$fuzz-%s\", \"room_id\": \"%s\", "
                + "\"sender\": \"@someone:scripted.test\", \"origin_server_ts\": %s, \"content\": %s}";
        var values = new LinkedHashMap<String, String>();
        values.put("a message with control characters and half a character", "[" + message.formatted("control",
                ids.matrixRoomId(), "1", "{\"msgtype\": \"m.text\", \"body\": \"a\\u0000b\\u001b\\ud800c\\r\\n\"}") + "]");
        values.put("a message of the wrong types", "[" + message.formatted("types", ids.matrixRoomId(), "\"soon\"",
                "{\"msgtype\": 42, \"body\": [\"x\"]}") + "]");
        values.put("a membership without a state key", "[{\"type\": \"m.room.member\", \"event_id\": \"$fuzz-member\", "
                + "\"room_id\": \"" + ids.matrixRoomId() + "\", \"content\": {\"membership\": \"join\"}}]");
        values.put("events without ids", "[{\"type\": \"m.room.message\"}, {}, 42, null]");
        return Map.of("events", values);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
