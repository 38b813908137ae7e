package io.roomservice.infra.host;

import io.roomservice.api.order.OrderId;
import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderUpdate;
import io.roomservice.api.order.RecordOrder;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.RecordResource;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.resource.ResourceState;
import io.roomservice.api.user.UserId;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The host platform tells roomservice about a project's resources and orders, for the room's notices
 * and the bot's answers. PUT by uuid, idempotent; the answer says what changed ({@link HostChange}).
 */
@RestController
@RequestMapping("/api/host/projects/{uuid}")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostProjectWorkController {

    public static final String UNKNOWN_STATE = "unknown-state";

    private static final String RESOURCE_STATES = Arrays.stream(ResourceState.values()).map(ResourceState::wireName)
            .collect(Collectors.joining(", "));
    private static final String ORDER_STATES = Arrays.stream(OrderState.values()).map(OrderState::wireName)
            .collect(Collectors.joining(", "));

    private final Commands commands;

    public HostProjectWorkController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Record a resource of the project as it is now (idempotent)")
    @PutMapping({"/resources/{resource}", "/resources/{resource}/"})
    public ResponseEntity<HostChange> resource(@PathVariable UUID uuid, @PathVariable UUID resource,
                                               @Valid @RequestBody ResourceRequest body,
                                               @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        ResourceState state = ResourceState.fromWireName(body.state()).orElseThrow(() -> badState(body.state(),
                RESOURCE_STATES));
        Boolean changed = commands.send(new RecordResource(new ResourceId(resource), new ProjectId(uuid),
                body.name().strip(), state), Caller.of(jwt), request);
        boolean recorded = Boolean.TRUE.equals(changed);
        return HostChange.answer(recorded, recorded ? "changed" : "unchanged");
    }

    @Operation(summary = "Record an order of the project as it is now; its state only moves forward (idempotent)")
    @PutMapping({"/orders/{order}", "/orders/{order}/"})
    public ResponseEntity<HostChange> order(@PathVariable UUID uuid, @PathVariable UUID order,
                                            @Valid @RequestBody OrderRequest body,
                                            @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        OrderState state = OrderState.fromWireName(body.state()).orElseThrow(() -> badState(body.state(), ORDER_STATES));
        OrderUpdate update = commands.send(new RecordOrder(new OrderId(order), new ProjectId(uuid), body.type().strip(),
                body.offering().strip(), body.resource() == null ? null : new ResourceId(body.resource()), state,
                body.created(), body.requestedBy() == null ? null : new UserId(body.requestedBy())),
                Caller.of(jwt), request);
        boolean recorded = update == OrderUpdate.CREATED || update == OrderUpdate.CHANGED;
        return HostChange.answer(recorded, update.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static BadRequestException badState(String given, String known) {
        return new BadRequestException(UNKNOWN_STATE, "state", "'" + given + "' is not a state; known states: "
                + known + ".");
    }
}
