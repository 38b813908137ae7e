package io.roomservice.infra.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.ReprovisionGroupRooms;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Staff's remedy for a group room the homeserver no longer shows (the reconciliation lists it as kind
 * {@code room} and leaves it to them): the rooms are found again by their aliases, or made anew.
 */
@RestController
@RequestMapping("/api/admin/groups/{uuid}")
@Tag(name = "admin", description = "Operating roomservice")
public class GroupAdminController {

    private final Commands commands;

    public GroupAdminController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Make the group's rooms again from their aliases: a purged room is made anew and the "
            + "members invited to it, a room its alias still leads to is kept")
    @PostMapping({"/reprovision", "/reprovision/"})
    public ResponseEntity<Void> reprovision(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                            HttpServletRequest request) {
        commands.send(new ReprovisionGroupRooms(new GroupId(uuid)), Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }
}
