package io.roomservice.infra.group;

import io.roomservice.api.group.AddGroupMember;
import io.roomservice.api.group.AnnounceGroupContent;
import io.roomservice.api.group.GroupContent;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.RegisterGroup;
import io.roomservice.api.group.RemoveGroupMember;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
 * The community platform tells roomservice about its groups, their members and their new content. PUT
 * and DELETE by uuid, idempotent: 202 when something was recorded, 200 for a repeat.
 */
@RestController
@RequestMapping("/api/host/groups/{uuid}")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostGroupController {

    private final Commands commands;

    public HostGroupController(Commands commands) {
        this.commands = commands;
    }

    /** {@code changed}: whether the call recorded anything; {@code outcome}: {@code changed} or {@code unchanged}. */
    public record GroupChange(boolean changed, String outcome) {

        static ResponseEntity<GroupChange> of(Boolean changed) {
            boolean recorded = Boolean.TRUE.equals(changed);
            return ResponseEntity.status(recorded ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .body(new GroupChange(recorded, recorded ? "changed" : "unchanged"));
        }
    }

    @Operation(summary = "Register a group (its public and private rooms follow) or change its name and URL; idempotent")
    @PutMapping({"", "/"})
    public ResponseEntity<GroupChange> register(@PathVariable UUID uuid, @Valid @RequestBody GroupRequest body,
                                                @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return GroupChange.of(commands.send(new RegisterGroup(new GroupId(uuid), body.slug(), body.name().strip(),
                body.url()), Caller.of(jwt), request));
    }

    @Operation(summary = "A person joined the group: invited to both rooms once; idempotent")
    @PutMapping({"/members/{person}", "/members/{person}/"})
    public ResponseEntity<GroupChange> addMember(@PathVariable UUID uuid, @PathVariable UUID person,
                                                 @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return GroupChange.of(commands.send(new AddGroupMember(new GroupId(uuid), new UserId(person)), Caller.of(jwt),
                request));
    }

    @Operation(summary = "A person left the group: kicked from both rooms, invitations forgotten; idempotent")
    @DeleteMapping({"/members/{person}", "/members/{person}/"})
    public ResponseEntity<GroupChange> removeMember(@PathVariable UUID uuid, @PathVariable UUID person,
                                                    @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return GroupChange.of(commands.send(new RemoveGroupMember(new GroupId(uuid), new UserId(person)),
                Caller.of(jwt), request));
    }

    @Operation(summary = "New content of the group: announced once, public content in both rooms and the listener "
            + "rooms, internal content in the private room only")
    @PutMapping({"/content/{content}", "/content/{content}/"})
    public ResponseEntity<GroupChange> announce(@PathVariable UUID uuid, @PathVariable UUID content,
                                                @Valid @RequestBody GroupContentRequest body,
                                                @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var item = new GroupContent(content, body.type().strip(), body.title().strip(), body.url(), body.internal(),
                body.author() == null ? null : new UserId(body.author()));
        return GroupChange.of(commands.send(new AnnounceGroupContent(new GroupId(uuid), item), Caller.of(jwt), request));
    }
}
