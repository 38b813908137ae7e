package io.roomservice.infra.group;

import io.roomservice.api.group.DeleteGroupPerson;
import io.roomservice.api.group.RecordGroupPerson;
import io.roomservice.api.profile.MatrixUserIdFormat;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.homeserver.MatrixLink;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Commands;
import io.roomservice.infra.web.ConflictException;
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
 * The people of the community platform's groups and the Matrix id each uses: the default one in
 * roomservice's namespace, {@code @<prefix>-<slug>:<domain>}, or one the person chose (any homeserver).
 */
@RestController
@RequestMapping("/api/host/group-people/{uuid}")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostGroupPersonController {

    private final Commands commands;
    private final MatrixLink link;

    public HostGroupPersonController(Commands commands, MatrixLink link) {
        this.commands = commands;
        this.link = link;
    }

    @Operation(summary = "Record a person of the groups and their Matrix id; a changed id is invited anew; idempotent")
    @PutMapping({"", "/"})
    public ResponseEntity<HostGroupController.GroupChange> record(@PathVariable UUID uuid,
                                                                  @Valid @RequestBody GroupPersonRequest body,
                                                                  @AuthenticationPrincipal Jwt jwt,
                                                                  HttpServletRequest request) {
        boolean external = body.matrixId() != null;
        String matrixUserId = external ? body.matrixId() : defaultMatrixId(uuid, body.slug());
        return HostGroupController.GroupChange.of(commands.send(new RecordGroupPerson(new UserId(uuid), matrixUserId,
                external), Caller.of(jwt), request));
    }

    @Operation(summary = "The person was deleted: they leave every group and its rooms; idempotent")
    @DeleteMapping({"", "/"})
    public ResponseEntity<HostGroupController.GroupChange> delete(@PathVariable UUID uuid,
                                                                  @AuthenticationPrincipal Jwt jwt,
                                                                  HttpServletRequest request) {
        return HostGroupController.GroupChange.of(commands.send(new DeleteGroupPerson(new UserId(uuid)),
                Caller.of(jwt), request));
    }

    private String defaultMatrixId(UUID uuid, String slug) {
        MatrixProperties properties = link.current();
        if (properties.domain().isEmpty()) {
            throw new ConflictException("no-homeserver", "No homeserver is set up, so the person's default Matrix "
                    + "id has no domain yet; set up the appservice first, or give a matrix_id.");
        }
        return MatrixUserIdFormat.USERNAME.userId(properties.aliasPrefix() + "-", properties.domain(), uuid, slug, null)
                .orElseThrow(() -> new BadRequestException("no-matrix-id", "slug",
                        "This slug cannot form a Matrix user id (at most 255 bytes)."));
    }
}
