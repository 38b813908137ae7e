package io.roomservice.sagas.deployment;

import io.roomservice.api.deployment.RecordDeploymentUserActionOutcome;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies one user's lifecycle action to the catalogue, outside any transaction, and records what it
 * did. Each action is safe to repeat: joins of a member, kicks of someone already gone, levels already
 * set and deactivating a deactivated account change nothing.
 * <ul>
 *   <li>created: joined to the Space and the three public rooms (an account not registered yet is
 *   skipped: the homeserver's auto-join covers their first login);</li>
 *   <li>revoked: deactivated with their messages erased;</li>
 *   <li>promoted: level 100 in the Space and public rooms, joined to the admin room;</li>
 *   <li>demoted: their level entry removed there (back to the room's default), kicked from the admin room.</li>
 * </ul>
 */
public class ApplyDeploymentUserActionHandler implements HomeserverWorkHandler<ApplyDeploymentUserAction> {

    static final int ADMIN_LEVEL = 100;
    static final String DEMOTED_REASON = "No longer an admin of the deployment";

    private final DeploymentHomeserver homeserver;
    private final CommandGateway commands;

    public ApplyDeploymentUserActionHandler(DeploymentHomeserver homeserver, CommandGateway commands) {
        this.homeserver = homeserver;
        this.commands = commands;
    }

    @Override
    public Class<ApplyDeploymentUserAction> workType() {
        return ApplyDeploymentUserAction.class;
    }

    @Override
    public WorkResult run(ApplyDeploymentUserAction work) {
        String user = work.matrixUserId();
        String detail = switch (work.action()) {
            case CREATED -> joinEveryonesRooms(work.rooms(), user);
            case REVOKED -> homeserver.deactivateAndErase(user) ? "deactivated and erased" : "never registered";
            case PROMOTED -> setLevels(work.rooms(), user, ADMIN_LEVEL) + "; "
                    + (homeserver.forceJoin(room(work.rooms(), CatalogueRoom.ADMIN), user) ? "joined admin"
                    : "not registered yet, not joined to admin");
            case DEMOTED -> setLevels(work.rooms(), user, null) + "; "
                    + (homeserver.kick(room(work.rooms(), CatalogueRoom.ADMIN), user, DEMOTED_REASON)
                    ? "kicked from admin" : "was not in admin");
            case UPDATED -> "nothing to do";
        };
        Reports.report(commands, new RecordDeploymentUserActionOutcome(work.userId(), work.action(), true, detail));
        return WorkResult.done();
    }

    private String joinEveryonesRooms(Map<String, String> rooms, String user) {
        List<String> joined = new ArrayList<>();
        for (CatalogueRoom room : CatalogueRoom.EVERYONES) {
            if (!homeserver.forceJoin(room(rooms, room), user)) {
                return "not registered yet: the homeserver's auto-join covers the first login";
            }
            joined.add(room.key());
        }
        return "joined " + String.join(", ", joined);
    }

    /** Read-modify-write of each room's power levels; written only where the user's level differs. */
    private String setLevels(Map<String, String> rooms, String user, Integer level) {
        int changed = 0;
        for (CatalogueRoom room : CatalogueRoom.EVERYONES) {
            String roomId = room(rooms, room);
            Map<String, Object> current = homeserver.state(roomId, CatalogueState.POWER_LEVELS, "").orElse(Map.of());
            Map<String, Object> wanted = PowerLevels.withUser(current, user, level);
            if (!wanted.equals(current)) {
                homeserver.putState(roomId, CatalogueState.POWER_LEVELS, "", wanted);
                changed++;
            }
        }
        return (level == null ? "level entry removed in " : "level " + level + " in ") + changed + " rooms";
    }

    private static String room(Map<String, String> rooms, CatalogueRoom room) {
        String roomId = rooms.get(room.key());
        if (roomId == null) {
            throw HomeserverException.permanentFailure("The catalogue has no " + room.key() + " room");
        }
        return roomId;
    }

    @Override
    public void gaveUp(ApplyDeploymentUserAction work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new RecordDeploymentUserActionOutcome(work.userId(), work.action(), false,
                failure.getMessage()));
    }
}
