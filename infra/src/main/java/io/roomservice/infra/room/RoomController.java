package io.roomservice.infra.room;

import io.roomservice.api.room.CreateRoom;
import io.roomservice.api.room.DeleteRoom;
import io.roomservice.api.room.DisableRoom;
import io.roomservice.api.room.ListRooms;
import io.roomservice.api.room.ReactivateRoom;
import io.roomservice.api.room.RetryRoom;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomPage;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.membership.FindRoomsOfMember;
import io.roomservice.api.membership.RoomsOfMember;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Paging;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The project chat rooms: create, list, read, and drive through their life. */
@RestController
@RequestMapping("/api/matrix/rooms")
@Tag(name = "rooms", description = "Project chat rooms and their lifecycle")
public class RoomController {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(5);

    private final Commands commands;
    private final QueryGateway queries;
    private final RoomReads reads;
    private final RoomAccess access;

    public RoomController(Commands commands, QueryGateway queries, RoomReads reads, RoomAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.access = access;
    }

    @Operation(summary = "Create the chat room of a project (staff, support)")
    @PostMapping({"", "/"})
    public ResponseEntity<RoomResponse> create(@Valid @RequestBody CreateRoomRequest body,
                                               @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var caller = Caller.of(jwt);
        requireStaffOrSupport(caller);
        var roomId = RoomId.random();
        // closed on every path: a refused or failed command leaves nothing to await, and an open
        // subscription would stay matched against every update of the room projection
        try (var pending = reads.subscribe(roomId)) {
            commands.send(new CreateRoom(roomId, new ProjectId(body.project())), caller, request);
            var location = URI.create("/api/matrix/rooms/" + roomId + "/");
            return pending.await(READ_YOUR_WRITE)
                    .map(room -> ResponseEntity.created(location).body(RoomResponse.of(room)))
                    .orElseGet(() -> ResponseEntity.created(location).body(new RoomResponse(roomId.value(),
                            body.project(), null, null, null, null, RoomState.CREATING.wireName(), null, null, null)));
        }
    }

    @Operation(summary = "List rooms, newest first (staff and support see all); search matches the name")
    @GetMapping({"", "/"})
    public ResponseEntity<List<RoomResponse>> list(@RequestParam(name = "project_uuid", required = false) UUID projectUuid,
                                                   @RequestParam(name = "state", required = false) String state,
                                                   @RequestParam(name = "member", required = false) Boolean member,
                                                   @RequestParam(name = "search", required = false) String search,
                                                   @RequestParam(name = "page", defaultValue = "1") int page,
                                                   @RequestParam(name = "page_size", defaultValue = "50") int pageSize,
                                                   @AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        Paging.check(page, pageSize);
        var stateFilter = state == null ? null : RoomState.parse(state).filter(s -> s != RoomState.DELETED)
                .orElseThrow(() -> new BadRequestException("invalid-parameter", "state",
                        "state must be one of creating, active, disabling, archived, error."));
        ListRooms query;
        if (caller.staffOrSupport()) {
            query = new ListRooms(projectUuid == null ? null : new ProjectId(projectUuid), stateFilter, page - 1,
                    pageSize, null, null, memberOf(caller, member), blankToNull(search));
        } else {
            UserAccess access = access().accessOf(caller);
            query = new ListRooms(projectUuid == null ? null : new ProjectId(projectUuid), stateFilter, page - 1,
                    pageSize, access.active() ? access.projects() : Set.of(),
                    access.active() ? access.ownedCustomers() : Set.of(), memberOf(caller, member), blankToNull(search));
        }
        var result = queries.query(query, ResponseTypes.instanceOf(RoomPage.class)).join();
        return ResponseEntity.ok()
                .header("X-Result-Count", Long.toString(result.total()))
                .body(result.rooms().stream().map(RoomResponse::of).toList());
    }

    @Operation(summary = "One room")
    @GetMapping({"/{uuid}", "/{uuid}/"})
    public RoomResponse get(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        return visibleRoom(uuid, caller);
    }

    @Operation(summary = "Re-queue provisioning (error, creating) or disabling (disabling) of a room")
    @PostMapping({"/{uuid}/retry", "/{uuid}/retry/"})
    public ResponseEntity<Void> retry(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                      HttpServletRequest request) {
        var caller = Caller.of(jwt);
        requireRoomManager(uuid, caller);
        commands.send(new RetryRoom(new RoomId(uuid)), caller, request);
        return accepted(uuid);
    }

    @Operation(summary = "Disable an active room: kick members, export history where enabled, archive (staff, support)")
    @PostMapping({"/{uuid}/disable", "/{uuid}/disable/"})
    public ResponseEntity<Void> disable(@PathVariable UUID uuid, @RequestBody(required = false) DisableRoomRequest body,
                                        @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var caller = Caller.of(jwt);
        requireStaffOrSupport(caller);
        visibleRoom(uuid, caller);
        boolean deleteHistory = body != null && body.deleteHistoryOrDefault();
        commands.send(new DisableRoom(new RoomId(uuid), deleteHistory, null), caller, request);
        return accepted(uuid);
    }

    @Operation(summary = "Reactivate an archived room")
    @PostMapping({"/{uuid}/reactivate", "/{uuid}/reactivate/"})
    public ResponseEntity<Void> reactivate(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                           HttpServletRequest request) {
        var caller = Caller.of(jwt);
        requireRoomManager(uuid, caller);
        commands.send(new ReactivateRoom(new RoomId(uuid)), caller, request);
        return accepted(uuid);
    }

    @Operation(summary = "Delete a room record in error, creating or archived state (staff, support)")
    @DeleteMapping({"/{uuid}", "/{uuid}/"})
    public ResponseEntity<Void> delete(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                       HttpServletRequest request) {
        var caller = Caller.of(jwt);
        requireStaffOrSupport(caller);
        visibleRoom(uuid, caller);
        commands.send(new DeleteRoom(new RoomId(uuid)), caller, request);
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String search) {
        if (search != null && search.length() > 200) {
            throw new BadRequestException("invalid-parameter", "search", "search must be at most 200 characters.");
        }
        return search == null || search.isBlank() ? null : search.strip();
    }

    private RoomAccess access() {
        return access;
    }

    /** With {@code member=true}: only the rooms the caller has joined. */
    private Set<RoomId> memberOf(Caller caller, Boolean member) {
        if (!Boolean.TRUE.equals(member)) {
            return null;
        }
        return RoomAccess.userId(caller)
                .map(user -> queries.query(new FindRoomsOfMember(user), ResponseTypes.instanceOf(RoomsOfMember.class))
                        .join().rooms())
                .orElse(Set.of());
    }

    private RoomResponse visibleRoom(UUID uuid, Caller caller) {
        return access.visibleRoom(uuid, caller);
    }

    private void requireRoomManager(UUID uuid, Caller caller) {
        access.requireRoomManager(uuid, caller);
    }

    private void requireStaffOrSupport(Caller caller) {
        access.requireStaffOrSupport(caller);
    }

    private static ResponseEntity<Void> accepted(UUID uuid) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/matrix/rooms/" + uuid + "/")).build();
    }
}
