package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.GatewayAction;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rooms through the gateway: create (the body passed through to createRoom), details, rename, history. */
@RestController
@Hidden
@RequestMapping("/internal/matrix")
class GatewayRoomController {

    private static final int MAX_LIMIT = 1000;

    private final GatewayMatrix matrix;
    private final GatewayAudit audit;
    private final RoomDetailsCache cache;
    private final GatewayUsers users;

    GatewayRoomController(GatewayMatrix matrix, GatewayAudit audit, RoomDetailsCache cache, GatewayUsers users) {
        this.matrix = matrix;
        this.users = users;
        this.audit = audit;
        this.cache = cache;
    }

    /**
     * Created by the bot, which so holds the room's highest power and can rename, redact and kick in it.
     * The homeserver lets an appservice create aliases only in its own namespace, so {@code room_alias_name}
     * gets the gateway's prefix ({@code general} becomes {@code #rs-gw-general:domain}); the answer names it.
     */
    @PostMapping("/create-room")
    Map<String, Object> createRoom(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Map<String, Object> passed = new LinkedHashMap<>(body);
        String alias = null;
        if (body.get("room_alias_name") != null) {
            if (!(body.get("room_alias_name") instanceof String name) || !GatewayUsers.USERNAME.matcher(name).matches()) {
                throw GatewayException.badJson("room_alias_name must be lowercase letters, digits and ._=/+-.");
            }
            String localpart = users.localpart(name);
            passed.put("room_alias_name", localpart);
            alias = "#" + localpart + ":" + matrix.domain();
        }
        JsonNode created = matrix.createRoom(passed);
        String roomId = created.path("room_id").asString();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("room_id", roomId);
        answer.put("room_alias", alias);
        audit.record(request, matrix.botUserId(), GatewayAudit.actor(null, "creator", request),
                GatewayAction.ROOM_CREATED, roomId, null, null);
        return answer;
    }

    @GetMapping("/rooms/{roomId}")
    RoomDetails details(@PathVariable String roomId) {
        GatewayRequests.roomId(roomId);
        return cache.get(roomId, () -> RoomDetails.of(roomId, matrix.roomState(roomId)));
    }

    @PutMapping("/rooms/{roomId}/name")
    Map<String, Object> rename(@PathVariable String roomId, @RequestBody GatewayRequests.Rename body,
                               HttpServletRequest request) {
        GatewayRequests.roomId(roomId);
        String name = GatewayRequests.required(body.name(), "name");
        String eventId = matrix.putState(matrix.bot(), roomId, "m.room.name", "", Map.of("name", name));
        cache.invalidate(roomId);
        audit.record(request, matrix.botUserId(), GatewayAudit.actor(null, "actor", request),
                GatewayAction.ROOM_RENAMED, roomId, null, eventId);
        return Map.of("event_id", eventId);
    }

    /**
     * A page of the room's history, read as the bot. {@code from} may be left out (the latest events),
     * which the specification marks required: Matrix allows it since v1.3, and a new caller has no token yet.
     */
    @GetMapping("/rooms/{roomId}/messages")
    Map<String, Object> messages(@PathVariable String roomId, @RequestParam(required = false) String from,
                                 @RequestParam(defaultValue = "b") String dir,
                                 @RequestParam(defaultValue = "10") int limit) {
        GatewayRequests.roomId(roomId);
        if (!"b".equals(dir) && !"f".equals(dir)) {
            throw GatewayException.badJson("dir must be b or f.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw GatewayException.badJson("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        JsonNode page = matrix.messages(matrix.bot(), roomId, from, dir, limit);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("start", page.path("start").asString(null));
        answer.put("end", page.path("end").asString(null));
        answer.put("chunk", page.path("chunk"));
        return answer;
    }
}
