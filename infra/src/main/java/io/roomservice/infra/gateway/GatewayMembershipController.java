package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.GatewayAction;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Membership through the gateway. Join and leave act as the gateway user named; invite and kick act as
 * the named inviter or kicker when one is given (a gateway user), else as the bot. Whom they invite or
 * kick may be any Matrix user.
 */
@RestController
@Hidden
@RequestMapping("/internal/matrix")
class GatewayMembershipController {

    private final GatewayMatrix matrix;
    private final GatewayUsers users;
    private final GatewayAudit audit;
    private final RoomDetailsCache cache;

    GatewayMembershipController(GatewayMatrix matrix, GatewayUsers users, GatewayAudit audit, RoomDetailsCache cache) {
        this.matrix = matrix;
        this.users = users;
        this.audit = audit;
        this.cache = cache;
    }

    @PostMapping("/invite")
    Map<String, Object> invite(@RequestBody GatewayRequests.Invite body, HttpServletRequest request) {
        String roomId = GatewayRequests.roomId(body.roomId());
        String invitee = matrixUserId(body.userId(), "user_id");
        String actor = GatewayAudit.actor(body.inviter(), "inviter", request);
        String inviter = users.requireOrBot(body.inviterMatrixId(), "inviter_matrix_id");
        matrix.membership(matrix.as(body.inviterMatrixId() == null ? null : inviter), roomId, "invite",
                Map.of("user_id", invitee));
        done(request, roomId, inviter, actor, GatewayAction.USER_INVITED, invitee);
        return Map.of("status", "invited");
    }

    @PostMapping("/join")
    Map<String, Object> join(@RequestBody GatewayRequests.Membership body, HttpServletRequest request) {
        String room = GatewayRequests.required(body.roomId(), "room_id");
        String actor = GatewayAudit.actor(body.actor(), "actor", request);
        String user = users.require(body.userId(), "user_id");
        String roomId = matrix.join(matrix.as(user), room);
        done(request, roomId, user, actor, GatewayAction.ROOM_JOINED, user);
        return Map.of("status", "joined", "room_id", roomId);
    }

    @PostMapping("/leave")
    Map<String, Object> leave(@RequestBody GatewayRequests.Membership body, HttpServletRequest request) {
        String roomId = GatewayRequests.roomId(body.roomId());
        String actor = GatewayAudit.actor(body.actor(), "actor", request);
        String user = users.require(body.userId(), "user_id");
        matrix.membership(matrix.as(user), roomId, "leave", Map.of());
        done(request, roomId, user, actor, GatewayAction.ROOM_LEFT, user);
        return Map.of("status", "left");
    }

    @PostMapping("/kick")
    Map<String, Object> kick(@RequestBody GatewayRequests.Kick body, HttpServletRequest request) {
        String roomId = GatewayRequests.roomId(body.roomId());
        String kicked = matrixUserId(body.userId(), "user_id");
        String actor = GatewayAudit.actor(body.actor(), "actor", request);
        String kicker = users.requireOrBot(body.kicker(), "kicker");
        Map<String, Object> kick = new LinkedHashMap<>();
        kick.put("user_id", kicked);
        if (body.reason() != null) {
            kick.put("reason", body.reason());
        }
        matrix.membership(matrix.as(body.kicker() == null ? null : kicker), roomId, "kick", kick);
        done(request, roomId, kicker, actor, GatewayAction.USER_KICKED, kicked);
        return Map.of("status", "kicked");
    }

    private void done(HttpServletRequest request, String roomId, String matrixUserId, String actor,
                      GatewayAction action, String member) {
        cache.invalidate(roomId);
        audit.record(request, matrixUserId, actor, action, roomId, member, null);
    }

    private static String matrixUserId(String value, String field) {
        GatewayRequests.required(value, field);
        if (!value.startsWith("@") || !value.contains(":")) {
            throw GatewayException.badJson(field + " must be a Matrix user id (@localpart:server).");
        }
        return value;
    }
}
