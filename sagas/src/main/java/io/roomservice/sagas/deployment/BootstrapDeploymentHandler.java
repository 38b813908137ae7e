package io.roomservice.sagas.deployment;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.deployment.CompleteDeploymentBootstrap;
import io.roomservice.api.deployment.FailDeploymentBootstrap;
import io.roomservice.api.deployment.RecordDeploymentBootstrapStep;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a bootstrap, outside any transaction, each step recorded as it is done: wait for the homeserver,
 * the admin account, its rate limit, the catalogue's rooms (looked up by alias, created only when
 * missing), then their state. Every step is safe to repeat, so a retry after a crash starts over and
 * finds what the first run made. A bootstrap that is no longer running (a report refused) stops.
 */
public class BootstrapDeploymentHandler implements HomeserverWorkHandler<BootstrapDeployment> {

    static final Duration HEALTH_POLL = Duration.ofSeconds(5);

    private final DeploymentHomeserver homeserver;
    private final CommandGateway commands;
    private final Clock clock;

    public BootstrapDeploymentHandler(DeploymentHomeserver homeserver, CommandGateway commands, Clock clock) {
        this.homeserver = homeserver;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public Class<BootstrapDeployment> workType() {
        return BootstrapDeployment.class;
    }

    @Override
    public WorkResult run(BootstrapDeployment work) {
        if (!healthy()) {
            if (clock.instant().isBefore(work.waitUntil())) {
                return WorkResult.runAgainAfter(HEALTH_POLL);
            }
            Reports.report(commands, new FailDeploymentBootstrap(work.deployment(), work.bootstrapId(),
                    "wait-for-homeserver", "The homeserver did not answer its health check in time."));
            return WorkResult.done();
        }
        try {
            bootstrap(work);
            return WorkResult.done();
        } catch (CommandRejectedException noLongerRunning) {
            return WorkResult.done();
        }
    }

    private boolean healthy() {
        try {
            return homeserver.healthy();
        } catch (HomeserverException starting) {
            return false;
        }
    }

    private void bootstrap(BootstrapDeployment work) {
        String step = "admin-account";
        try {
            record(work, "wait-for-homeserver", "ok", null);
            String bot = homeserver.ensureAdminAccount();
            record(work, step, "ok", bot);
            step = "rate-limit";
            liftRateLimit(work, bot);
            Map<String, String> rooms = new LinkedHashMap<>();
            for (CatalogueRoom room : CatalogueRoom.values()) {
                step = "room:" + room.key();
                rooms.put(room.key(), ensureRoom(work, room, bot));
            }
            CatalogueState state = new CatalogueState(homeserver);
            for (CatalogueRoom room : CatalogueRoom.values()) {
                step = "state:" + room.key();
                List<String> written = state.apply(room, rooms, work.deployment().value(), work.domain(), bot);
                record(work, step, written.isEmpty() ? "unchanged" : "changed", String.join(", ", written));
            }
            SystemCommands.sendAndWait(commands, new CompleteDeploymentBootstrap(work.deployment(), work.bootstrapId(),
                    rooms));
        } catch (HomeserverException failure) {
            if (failure.isTransient()) {
                throw failure;
            }
            Reports.report(commands, new FailDeploymentBootstrap(work.deployment(), work.bootstrapId(), step,
                    failure.getMessage()));
        }
    }

    /** A homeserver that refuses only logs a warning: the bootstrap works without it, only slower. */
    private void liftRateLimit(BootstrapDeployment work, String bot) {
        try {
            homeserver.liftRateLimit(bot);
            record(work, "rate-limit", "lifted", null);
        } catch (HomeserverException refused) {
            if (refused.isTransient()) {
                throw refused;
            }
            record(work, "rate-limit", "warning", refused.getMessage());
        }
    }

    private String ensureRoom(BootstrapDeployment work, CatalogueRoom room, String bot) {
        String alias = room.alias(work.deployment().value(), work.domain());
        var found = homeserver.resolveAlias(alias);
        if (found.isPresent()) {
            record(work, "room:" + room.key(), "found", found.get());
            return found.get();
        }
        String known = work.knownRooms().get(room.key());
        if (known != null) {
            homeserver.bindAlias(alias, known);
            record(work, "room:" + room.key(), "alias-restored", known);
            return known;
        }
        String roomId = homeserver.createRoom(room.aliasLocalpart(work.deployment().value()),
                room.name(work.deployment().value()), room.isSpace(), CatalogueState.powerLevelOverride(room.isSpace()));
        record(work, "room:" + room.key(), "created", roomId);
        return roomId;
    }

    private void record(BootstrapDeployment work, String step, String outcome, String detail) {
        SystemCommands.sendAndWait(commands, new RecordDeploymentBootstrapStep(work.deployment(), work.bootstrapId(),
                step, outcome, detail));
    }

    @Override
    public void gaveUp(BootstrapDeployment work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new FailDeploymentBootstrap(work.deployment(), work.bootstrapId(),
                "attempts-exhausted", failure.getMessage() + " (after " + attemptsMade + " attempts)"));
    }
}
