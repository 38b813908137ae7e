package io.roomservice.infra.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.EndWorldMembership;
import io.roomservice.api.world.PutWorldRoom;
import io.roomservice.api.world.RegisterWorld;
import io.roomservice.api.world.RemoveWorldRoom;
import io.roomservice.api.world.SetWorldMembership;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The host platform (a virtual office) registers its worlds, their map and area rooms, and who is a
 * member of which world with which tags. PUT by uuid, idempotent; the answer says what changed.
 */
@RestController
@RequestMapping("/api/host/worlds/{uuid}")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostWorldController {

    private final Commands commands;

    public HostWorldController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Register or rename a world; without slugs, the self-hosted default world (idempotent)")
    @PutMapping({"", "/"})
    public ResponseEntity<WorldChange> world(@PathVariable UUID uuid, @Valid @RequestBody WorldRequests.WorldRequest body,
                                             @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        if ((body.organisation() == null) != (body.slug() == null)) {
            throw new BadRequestException("invalid-field", body.organisation() == null ? "organisation" : "slug",
                    "Give both the organisation and the world slug, or neither (the self-hosted default world).");
        }
        String outcome = commands.send(new RegisterWorld(new WorldId(uuid), body.organisation(), body.slug(),
                body.name().strip()), Caller.of(jwt), request);
        return WorldChange.answer(outcome);
    }

    @Operation(summary = "Create, rename or re-tag a map or area room of the world (idempotent)")
    @PutMapping({"/rooms/{room}", "/rooms/{room}/"})
    public ResponseEntity<WorldChange> room(@PathVariable UUID uuid, @PathVariable UUID room,
                                            @Valid @RequestBody WorldRequests.WorldRoomRequest body,
                                            @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        WorldRoomKind kind = WorldRoomKind.fromWireName(body.kind()).orElseThrow(() -> new BadRequestException(
                "invalid-field", "kind", "'" + body.kind() + "' is not a kind of room; known kinds: map, area."));
        String outcome = commands.send(new PutWorldRoom(new WorldId(uuid), new WorldRoomId(room), kind,
                body.name().strip(), WorldRequests.normalized(body.tags())), Caller.of(jwt), request);
        return WorldChange.answer(outcome);
    }

    @Operation(summary = "Delete a room of the world: everyone is kicked, then the bot leaves (idempotent)")
    @DeleteMapping({"/rooms/{room}", "/rooms/{room}/"})
    public ResponseEntity<WorldChange> removeRoom(@PathVariable UUID uuid, @PathVariable UUID room,
                                                  @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        Boolean removed = commands.send(new RemoveWorldRoom(new WorldId(uuid), new WorldRoomId(room)),
                Caller.of(jwt), request);
        return WorldChange.answer(Boolean.TRUE.equals(removed), Boolean.TRUE.equals(removed) ? "removed" : "unchanged");
    }

    @Operation(summary = "Make a person a member of the world with these tags; members are invited to its Space")
    @PutMapping({"/members/{person}", "/members/{person}/"})
    public ResponseEntity<WorldChange> member(@PathVariable UUID uuid, @PathVariable UUID person,
                                              @Valid @RequestBody WorldRequests.WorldMemberRequest body,
                                              @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        Boolean changed = commands.send(new SetWorldMembership(new UserId(person), new WorldId(uuid),
                WorldRequests.normalized(body.tags())), Caller.of(jwt), request);
        return WorldChange.answer(Boolean.TRUE.equals(changed), Boolean.TRUE.equals(changed) ? "changed" : "unchanged");
    }

    @Operation(summary = "End a person's membership of the world; they are kicked from its Space (idempotent)")
    @DeleteMapping({"/members/{person}", "/members/{person}/"})
    public ResponseEntity<WorldChange> endMembership(@PathVariable UUID uuid, @PathVariable UUID person,
                                                     @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        String outcome = WorldChange.unchangedWhenUnknown(() -> {
            Boolean changed = commands.send(new EndWorldMembership(new UserId(person), new WorldId(uuid)),
                    Caller.of(jwt), request);
            return Boolean.TRUE.equals(changed) ? "removed" : "unchanged";
        });
        return WorldChange.answer(outcome);
    }
}
