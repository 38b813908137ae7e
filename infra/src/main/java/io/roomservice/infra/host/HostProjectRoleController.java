package io.roomservice.infra.host;

import io.roomservice.api.project.GrantProjectRole;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.project.RevokeProjectRole;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The host platform grants and revokes project roles. Idempotent; the answer says whether anything
 * changed (see {@link RoleChange}).
 */
@RestController
@RequestMapping("/api/host/projects/{uuid}/roles")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostProjectRoleController {

    private static final String KNOWN_ROLES = Arrays.stream(ProjectRole.values()).map(ProjectRole::wireName)
            .collect(Collectors.joining(", "));

    private final Commands commands;

    public HostProjectRoleController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Grant a person a role in the project: admin, manager, member (idempotent)")
    @PutMapping({"/{user}/{role}", "/{user}/{role}/"})
    public ResponseEntity<RoleChange> grant(@PathVariable UUID uuid, @PathVariable UUID user, @PathVariable String role,
                                            @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var command = new GrantProjectRole(new ProjectId(uuid), new UserId(user), roleNamed(role));
        return RoleChange.answer(commands.send(command, Caller.of(jwt), request));
    }

    @Operation(summary = "Revoke a person's role in the project (idempotent; 404 if never granted)")
    @DeleteMapping({"/{user}/{role}", "/{user}/{role}/"})
    public ResponseEntity<RoleChange> revoke(@PathVariable UUID uuid, @PathVariable UUID user, @PathVariable String role,
                                             @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var command = new RevokeProjectRole(new ProjectId(uuid), new UserId(user), roleNamed(role));
        return RoleChange.answer(commands.send(command, Caller.of(jwt), request));
    }

    private static ProjectRole roleNamed(String name) {
        return RoleChange.role(ProjectRole.fromWireName(name), name, KNOWN_ROLES);
    }
}
