package io.roomservice.infra.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentView;
import io.roomservice.api.deployment.FindDeployment;
import io.roomservice.api.deployment.StartDeploymentBootstrap;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.Commands;
import io.roomservice.sagas.deployment.CatalogueRoom;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Staff see the deployment's catalogue and its last bootstrap, and start a bootstrap on demand. */
@RestController
@RequestMapping("/api/admin/deployment")
@Tag(name = "deployment", description = "The deployment's Space and fixed rooms")
public class DeploymentAdminController {

    /** A catalogue room: its alias and name, and its Matrix room id once a bootstrap completed. */
    public record CatalogueRoomResponse(String key, String alias, String name, String roomId) {
    }

    public record DeploymentResponse(String deployment, String domain, boolean ready, List<CatalogueRoomResponse> rooms,
                                     DeploymentView.BootstrapView lastBootstrap) {
    }

    public record BootstrapStarted(UUID bootstrapId) {
    }

    private final Deployment deployment;
    private final Commands commands;
    private final QueryGateway queries;

    public DeploymentAdminController(Deployment deployment, Commands commands, QueryGateway queries) {
        this.deployment = deployment;
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "The deployment's catalogue, each room's id and the last bootstrap step by step")
    @GetMapping({"", "/"})
    public DeploymentResponse show() {
        DeploymentName name = deployment.requireName();
        String domain = deployment.domain();
        DeploymentView view = queries.query(new FindDeployment(name), ResponseTypes.instanceOf(DeploymentView.class))
                .join();
        Map<String, String> roomIds = view == null ? Map.of() : view.rooms().stream().collect(
                Collectors.toMap(DeploymentView.CatalogueRoomView::key, DeploymentView.CatalogueRoomView::roomId));
        List<CatalogueRoomResponse> rooms = Arrays.stream(CatalogueRoom.values())
                .map(room -> new CatalogueRoomResponse(room.key(), room.alias(name.value(), domain),
                        room.name(name.value()), roomIds.get(room.key())))
                .toList();
        return new DeploymentResponse(name.value(), domain, view != null && view.ready(), rooms,
                view == null ? null : view.lastBootstrap());
    }

    @Operation(summary = "Bootstrap the catalogue again: rooms created when missing, state applied where it differs")
    @PostMapping({"/bootstrap", "/bootstrap/"})
    public ResponseEntity<BootstrapStarted> bootstrap(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        UUID started = commands.send(new StartDeploymentBootstrap(deployment.requireName(), deployment.domain()),
                Caller.of(jwt), request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new BootstrapStarted(started));
    }
}
