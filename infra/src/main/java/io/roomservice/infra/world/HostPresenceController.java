package io.roomservice.infra.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.EnterArea;
import io.roomservice.api.world.LeaveArea;
import io.roomservice.api.world.RenewPresence;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Presence: the host tells when a person steps into or out of an area, and sends heartbeats while they
 * are in the world. A person who sends none for the presence timeout is taken out of their areas.
 */
@RestController
@RequestMapping("/api/host/worlds/{uuid}")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostPresenceController {

    private final Commands commands;

    public HostPresenceController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "A person stepped into an area: invited and joined to its room (a repeat is a heartbeat)")
    @PostMapping({"/areas/{area}/enter", "/areas/{area}/enter/"})
    public ResponseEntity<WorldChange> enter(@PathVariable UUID uuid, @PathVariable UUID area,
                                             @Valid @RequestBody WorldRequests.PresenceRequest body,
                                             @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        String outcome = commands.send(new EnterArea(new UserId(body.person()), new WorldId(uuid), new WorldRoomId(area)),
                Caller.of(jwt), request);
        return WorldChange.answer(outcome);
    }

    @Operation(summary = "A person stepped out of an area: kicked from its room, not banned (idempotent)")
    @PostMapping({"/areas/{area}/leave", "/areas/{area}/leave/"})
    public ResponseEntity<WorldChange> leave(@PathVariable UUID uuid, @PathVariable UUID area,
                                             @Valid @RequestBody WorldRequests.PresenceRequest body,
                                             @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return WorldChange.answer(WorldChange.unchangedWhenUnknown(() -> commands.send(new LeaveArea(
                new UserId(body.person()), new WorldId(uuid), new WorldRoomId(area)), Caller.of(jwt), request)));
    }

    @Operation(summary = "A heartbeat of a person in the world: their areas are kept for another presence timeout")
    @PostMapping({"/presence/heartbeat", "/presence/heartbeat/"})
    public ResponseEntity<WorldChange> heartbeat(@PathVariable UUID uuid, @Valid @RequestBody WorldRequests.PresenceRequest body,
                                                 @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return WorldChange.answer(WorldChange.unchangedWhenUnknown(() -> commands.send(new RenewPresence(
                new UserId(body.person()), new WorldId(uuid)), Caller.of(jwt), request)));
    }
}
