package io.roomservice.infra.membership;

import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.membership.FindRoomMembers;
import io.roomservice.api.membership.JoinRoomAsModerator;
import io.roomservice.api.membership.LeaveRoomAsModerator;
import io.roomservice.api.membership.RequestMemberSync;
import io.roomservice.api.membership.RoomMembers;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.room.RoomAccess;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Paging;
import io.roomservice.infra.web.Commands;
import io.roomservice.infra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A room's members, and bringing them in step with the project's roles. */
@RestController
@RequestMapping("/api/matrix/rooms")
@Tag(name = "rooms", description = "Project chat rooms and their lifecycle")
public class RoomMemberController {


    private final RoomAccess access;
    private final QueryGateway queries;
    private final Commands commands;

    public RoomMemberController(RoomAccess access, QueryGateway queries, Commands commands) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
    }

    /** One member as the API shows it. */
    public record MemberResponse(UUID userUuid, String fullName, String matrixUserId, int powerLevel,
                                 String membership) {
    }

    @Operation(summary = "The room's members: user uuid, full name, Matrix user id, power level, membership")
    @GetMapping({"/{uuid}/members", "/{uuid}/members/"})
    public ResponseEntity<List<MemberResponse>> members(@PathVariable UUID uuid,
                                                        @RequestParam(name = "page", defaultValue = "1") int page,
                                                        @RequestParam(name = "page_size", defaultValue = "50") int size,
                                                        @AuthenticationPrincipal Jwt jwt) {
        access.visibleRoom(uuid, Caller.of(jwt));
        Paging.check(page, size);
        RoomMembers members = queries.query(new FindRoomMembers(new RoomId(uuid), page - 1, size),
                ResponseTypes.instanceOf(RoomMembers.class)).join();
        List<MemberResponse> body = members.members().stream().map(m -> new MemberResponse(
                m.userId() == null ? null : m.userId().value(), m.userId() == null ? null : fullName(m),
                m.matrixUserId(), m.powerLevel(), m.membership().wireName())).toList();
        return ResponseEntity.ok().header("X-Result-Count", Long.toString(members.total())).body(body);
    }

    @Operation(summary = "Bring the members in step with the project's roles now (customer owners, staff)")
    @PostMapping({"/{uuid}/sync_members", "/{uuid}/sync_members/"})
    public ResponseEntity<Void> syncMembers(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                            HttpServletRequest request) {
        var caller = Caller.of(jwt);
        access.requireRoomManager(uuid, caller);
        commands.send(new RequestMemberSync(new RoomId(uuid)), caller, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/matrix/rooms/" + uuid + "/members/"))
                .build();
    }

    @Operation(summary = "Join an active room as moderator (power level 50) without a role in it (staff, support)")
    @PostMapping({"/{uuid}/join", "/{uuid}/join/"})
    public ResponseEntity<Void> join(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                     HttpServletRequest request) {
        var caller = Caller.of(jwt);
        access.requireStaffOrSupport(caller);
        access.visibleRoom(uuid, caller);
        commands.send(new JoinRoomAsModerator(new RoomId(uuid), person(caller)), caller, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/matrix/rooms/" + uuid + "/members/"))
                .build();
    }

    @Operation(summary = "Leave a room joined as moderator (staff, support)")
    @PostMapping({"/{uuid}/leave", "/{uuid}/leave/"})
    public ResponseEntity<Void> leave(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                      HttpServletRequest request) {
        var caller = Caller.of(jwt);
        access.requireStaffOrSupport(caller);
        access.visibleRoom(uuid, caller);
        commands.send(new LeaveRoomAsModerator(new RoomId(uuid), person(caller)), caller, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/matrix/rooms/" + uuid + "/members/"))
                .build();
    }

    /** The caller as a person of the directory: moderators need a Matrix account of their own. */
    private UserId person(Caller caller) {
        UserId user = RoomAccess.userId(caller).orElseThrow(() -> new BadRequestException("not-a-person", null,
                "Only a person (a user uuid as subject) can join a room."));
        DirectoryUser known = queries.query(new FindDirectoryUser(user), ResponseTypes.instanceOf(DirectoryUser.class))
                .join();
        if (known == null || !known.active()) {
            throw new NotFoundException("You are not an active person of roomservice's directory.");
        }
        return user;
    }

    private String fullName(RoomMembers.Member member) {
        DirectoryUser user = queries.query(new FindDirectoryUser(member.userId()),
                ResponseTypes.instanceOf(DirectoryUser.class)).join();
        return user == null ? null : user.fullName();
    }
}
