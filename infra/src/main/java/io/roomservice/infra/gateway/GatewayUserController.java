package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.GatewayAction;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gateway users: registered by the appservice in its namespace ({@code @<alias-prefix>-<user-prefix><username>}),
 * so the gateway can act as them; their access token goes to the caller once and is kept nowhere.
 */
@RestController
@Hidden
@RequestMapping("/internal/matrix")
class GatewayUserController {

    private final GatewayMatrix matrix;
    private final GatewayUsers users;
    private final GatewayAudit audit;

    GatewayUserController(GatewayMatrix matrix, GatewayUsers users, GatewayAudit audit) {
        this.matrix = matrix;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Registers, then sets what the request gives (password, display name, avatar, server admin); the
     * account exists from the first step, so a failure after it leaves a registered user that a repeat
     * with the same username reports as taken.
     */
    @PostMapping("/register-user")
    Map<String, Object> register(@RequestBody GatewayRequests.RegisterUser body, HttpServletRequest request) {
        String localpart = users.localpart(body.username());
        JsonNode registered = matrix.register(localpart);
        String userId = registered.path("user_id").asString();
        if (body.password() != null && !body.password().isEmpty()) {
            matrix.setPassword(userId, body.password());
        }
        if (body.displayName() != null) {
            matrix.putProfile(userId, "displayname", body.displayName());
        }
        if (body.avatarUrl() != null) {
            matrix.putProfile(userId, "avatar_url", body.avatarUrl());
        }
        if (Boolean.TRUE.equals(body.admin())) {
            matrix.makeServerAdmin(userId);
        }
        audit.record(request, userId, GatewayAudit.actor(null, "actor", request), GatewayAction.USER_REGISTERED,
                null, null, null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user_id", userId);
        answer.put("access_token", registered.path("access_token").asString());
        answer.put("device_id", registered.path("device_id").asString());
        return answer;
    }

    @PutMapping("/users/{userId}/display-name")
    Map<String, Object> displayName(@PathVariable String userId, @RequestBody GatewayRequests.DisplayName body,
                                    HttpServletRequest request) {
        users.require(userId, "userId");
        matrix.putProfile(userId, "displayname", GatewayRequests.required(body.displayName(), "display_name"));
        audit.record(request, userId, GatewayAudit.actor(null, "actor", request), GatewayAction.DISPLAY_NAME_SET,
                null, null, null);
        return Map.of("status", "updated");
    }

    @PutMapping("/users/{userId}/avatar")
    Map<String, Object> avatar(@PathVariable String userId, @RequestBody GatewayRequests.Avatar body,
                               HttpServletRequest request) {
        users.require(userId, "userId");
        String url = GatewayRequests.required(body.avatarUrl(), "avatar_url");
        if (!url.startsWith("mxc://")) {
            throw GatewayException.badJson("avatar_url must be an mxc:// content URI.");
        }
        matrix.putProfile(userId, "avatar_url", url);
        audit.record(request, userId, GatewayAudit.actor(null, "actor", request), GatewayAction.AVATAR_SET,
                null, url, null);
        return Map.of("status", "updated");
    }
}
