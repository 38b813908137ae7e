package io.roomservice.infra.deployment;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.api.deployment.DeploymentUsers;
import io.roomservice.api.deployment.DeploymentView;
import io.roomservice.api.deployment.FindDeploymentUsers;
import io.roomservice.api.deployment.ResyncDeploymentUser;
import io.roomservice.api.deployment.FindDeployment;
import io.roomservice.api.deployment.StartDeploymentBootstrap;
import io.roomservice.sagas.deployment.CatalogueRoom;
import io.roomservice.sagas.deployment.CatalogueState;
import io.roomservice.sagas.deployment.DeploymentHomeserver;
import io.roomservice.sagas.reconciliation.Difference;
import io.roomservice.sagas.reconciliation.Reconciler;
import io.roomservice.sagas.reconciliation.ReconciliationCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The deployment's catalogue against the homeserver, once a bootstrap has made it: every room's alias
 * must lead to the room the bootstrap recorded ({@code alias}), and every room must have the state a
 * bootstrap applies ({@code room-state}, the state events that differ). A difference is repaired by a
 * new bootstrap, which finds rooms by alias, creates what is missing and writes only what differs.
 * Then the users ({@link DeploymentUserDifferences}: {@code membership} and {@code power-level} of
 * subject {@code deployment-user:<uuid>}), each repaired by applying that user's standing actions again
 * ({@link ResyncDeploymentUser}). Users are compared only once every catalogue room is where it should be.
 */
class DeploymentCatalogueReconciler implements Reconciler {

    static final String KIND = "deployment";

    private final Deployment deployment;
    private final DeploymentHomeserver homeserver;
    private final QueryGateway queries;
    private final CommandGateway commands;

    DeploymentCatalogueReconciler(Deployment deployment, DeploymentHomeserver homeserver, QueryGateway queries,
                                  CommandGateway commands) {
        this.deployment = deployment;
        this.homeserver = homeserver;
        this.queries = queries;
        this.commands = commands;
    }

    @Override
    public String roomKind() {
        return KIND;
    }

    @Override
    public List<Difference> differences() {
        if (!deployment.enabled()) {
            return List.of();
        }
        DeploymentName name = deployment.requireName();
        DeploymentView view = queries.query(new FindDeployment(name), ResponseTypes.instanceOf(DeploymentView.class))
                .join();
        if (view == null || !view.ready()) {
            return List.of(); // never bootstrapped: the bootstrap's business, not a drift
        }
        Map<String, String> rooms = new HashMap<>();
        view.rooms().forEach(room -> rooms.put(room.key(), room.roomId()));
        String domain = deployment.domain();
        String bot = homeserver.ensureAdminAccount();
        String subject = "deployment:" + name;
        List<Difference> found = new ArrayList<>();
        CatalogueState state = new CatalogueState(homeserver);
        for (CatalogueRoom room : CatalogueRoom.values()) {
            String roomId = rooms.get(room.key());
            String alias = room.alias(name.value(), domain);
            String resolved = homeserver.resolveAlias(alias).orElse(null);
            if (roomId == null || !roomId.equals(resolved)) {
                found.add(new Difference(KIND, subject, roomId, "alias", null,
                        alias + " leads to " + (resolved == null ? "no room" : resolved)));
                continue;
            }
            List<String> differing = state.differences(room, rooms, name.value(), domain, bot);
            if (!differing.isEmpty()) {
                found.add(new Difference(KIND, subject, roomId, "room-state", null,
                        room.key() + ": " + String.join(", ", differing)));
            }
        }
        if (found.stream().noneMatch(difference -> difference.kind().equals("alias"))) {
            var users = new DeploymentUserDifferences(homeserver, rooms);
            queries.query(new FindDeploymentUsers(name), ResponseTypes.instanceOf(DeploymentUsers.class)).join()
                    .users().forEach(user -> found.addAll(users.of(user)));
        }
        return found;
    }

    @Override
    public void repair(List<Difference> differences, UUID runId) {
        Set<String> users = new LinkedHashSet<>();
        differences.stream().map(Difference::subject).filter(s -> s.startsWith(DeploymentUserDifferences.SUBJECT_PREFIX))
                .forEach(users::add);
        users.forEach(user -> ReconciliationCommands.send(commands, new ResyncDeploymentUser(DeploymentUserId.of(
                user.substring(DeploymentUserDifferences.SUBJECT_PREFIX.length()))), runId));
        if (differences.stream().noneMatch(d -> d.subject().startsWith("deployment:"))) {
            return;
        }
        try {
            ReconciliationCommands.send(commands, new StartDeploymentBootstrap(deployment.requireName(),
                    deployment.domain()), runId);
        } catch (CommandRejectedException running) {
            // a bootstrap is under way: it repairs the same, and the next run checks again
        }
    }
}
