package io.roomservice.infra.world;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.user.UserId;
import io.roomservice.api.world.LinkChatId;
import io.roomservice.api.world.ListVisibleMapRooms;
import io.roomservice.api.world.MapRoomView;
import io.roomservice.api.world.VisibleMapRooms;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRejections;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The two calls of the seed's admin contract, at the seed's paths, for the host's service account:
 * a person's Matrix id, and the map rooms a person may see in a world.
 */
@RestController
@Tag(name = "host", description = "Calls of the host platform's service account")
public class WorldMembersController {

    private final Commands commands;
    private final QueryGateway queries;

    public WorldMembersController(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Link a person to their Matrix id; their Space invites and areas follow a new one")
    @PutMapping({"/api/members/{person}/chatId", "/api/members/{person}/chatId/"})
    public ResponseEntity<WorldChange> chatId(@PathVariable UUID person, @Valid @RequestBody WorldRequests.ChatIdRequest body,
                                              @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        if (body.userIdentifier() != null && !body.userIdentifier().equals(person.toString())) {
            throw new BadRequestException("invalid-field", "user_identifier",
                    "user_identifier (userIdentifier), when given, must be the person of the path.");
        }
        Boolean changed = commands.send(new LinkChatId(new UserId(person), body.chatId()), Caller.of(jwt), request);
        return WorldChange.answer(Boolean.TRUE.equals(changed), Boolean.TRUE.equals(changed) ? "linked" : "unchanged");
    }

    /** One map room as listed. */
    public record MapRoom(UUID uuid, String name, String roomId, List<String> tags) {
    }

    @Operation(summary = "The map rooms of the world the person may see: untagged ones, and those sharing a tag")
    @GetMapping({"/api/worlds/{uuid}/rooms", "/api/worlds/{uuid}/rooms/"})
    public List<MapRoom> rooms(@PathVariable UUID uuid, @RequestParam(name = "person") UUID person) {
        VisibleMapRooms visible = queries.query(new ListVisibleMapRooms(new WorldId(uuid), new UserId(person)),
                VisibleMapRooms.class).join();
        if (!visible.worldKnown()) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_WORLD,
                    "World " + uuid + " is not known.");
        }
        return visible.rooms().stream().map(WorldMembersController::view).toList();
    }

    private static MapRoom view(MapRoomView room) {
        return new MapRoom(room.roomId().value(), room.name(), room.matrixRoomId(), room.tags());
    }
}
