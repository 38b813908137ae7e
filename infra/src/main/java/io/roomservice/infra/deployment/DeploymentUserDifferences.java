package io.roomservice.infra.deployment;

import io.roomservice.api.deployment.DeploymentUsers;
import io.roomservice.sagas.deployment.CatalogueRoom;
import io.roomservice.sagas.deployment.CatalogueState;
import io.roomservice.sagas.deployment.DeploymentHomeserver;
import io.roomservice.sagas.reconciliation.Difference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment's users against the catalogue's rooms, as their callbacks left them: a created user is
 * joined to the Space and the public rooms, an admin also to the admin room at level 100 in the Space and
 * the public rooms, and a user who is not an admin is neither in the admin room nor at level 100. Each
 * room's members and power levels are read once. A user the homeserver does not know yet (they never
 * logged in) is not missing from any room: the homeserver's auto-join covers their first login.
 */
class DeploymentUserDifferences {

    static final String SUBJECT_PREFIX = "deployment-user:";
    private static final int ADMIN_LEVEL = 100;

    private final DeploymentHomeserver homeserver;
    private final Map<String, String> rooms;
    private final Map<String, Map<String, String>> memberships = new HashMap<>();
    private final Map<String, Map<String, Object>> powerLevels = new HashMap<>();
    private final Map<String, Boolean> registered = new HashMap<>();

    DeploymentUserDifferences(DeploymentHomeserver homeserver, Map<String, String> rooms) {
        this.homeserver = homeserver;
        this.rooms = rooms;
    }

    List<Difference> of(DeploymentUsers.User user) {
        List<Difference> found = new ArrayList<>();
        String subject = SUBJECT_PREFIX + user.userId().value();
        String id = user.matrixUserId();
        for (CatalogueRoom room : CatalogueRoom.EVERYONES) {
            String roomId = rooms.get(room.key());
            if (user.member() && !inRoom(roomId, id) && registered(id)) {
                found.add(new Difference(DeploymentCatalogueReconciler.KIND, subject, roomId, "membership", id,
                        room.key() + ": belongs in the room, homeserver has " + membership(roomId, id)));
            }
            int level = level(roomId, id);
            if (user.admin() ? level != ADMIN_LEVEL : level >= ADMIN_LEVEL) {
                found.add(new Difference(DeploymentCatalogueReconciler.KIND, subject, roomId, "power-level", id,
                        room.key() + ": power level " + level + ", expected "
                                + (user.admin() ? ADMIN_LEVEL : "below " + ADMIN_LEVEL)));
            }
        }
        String admin = rooms.get(CatalogueRoom.ADMIN.key());
        if (user.admin() && !inRoom(admin, id) && registered(id)) {
            found.add(new Difference(DeploymentCatalogueReconciler.KIND, subject, admin, "membership", id,
                    "admin: an admin, homeserver has " + membership(admin, id)));
        } else if (!user.admin() && inRoom(admin, id)) {
            found.add(new Difference(DeploymentCatalogueReconciler.KIND, subject, admin, "membership", id,
                    "admin: not an admin, homeserver has " + membership(admin, id)));
        }
        return found;
    }

    private boolean inRoom(String roomId, String user) {
        String membership = membership(roomId, user);
        return membership.equals("join") || membership.equals("invite");
    }

    private String membership(String roomId, String user) {
        return memberships.computeIfAbsent(roomId, homeserver::memberships).getOrDefault(user, "none");
    }

    private int level(String roomId, String user) {
        Map<String, Object> levels = powerLevels.computeIfAbsent(roomId, id ->
                homeserver.state(id, CatalogueState.POWER_LEVELS, "").orElse(Map.of()));
        Object users = levels.get("users");
        Object level = users instanceof Map<?, ?> byUser ? byUser.get(user) : null;
        if (level == null) {
            level = levels.getOrDefault("users_default", 0);
        }
        return level instanceof Number number ? number.intValue() : 0;
    }

    private boolean registered(String user) {
        return registered.computeIfAbsent(user, homeserver::registered);
    }
}
