package io.roomservice.command.user;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.user.UserId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles one scope (a project, a customer) granted to people: which they hold now, and which they
 * were ever granted. The difference decides a revocation: revoking a role revoked before changes
 * nothing (the host retries), revoking one never granted is refused. Part of an aggregate's state:
 * changed only by its event sourcing handlers.
 */
public final class RoleGrants<R extends Enum<R>> {

    public static final String ROLE_NOT_GRANTED = "role-not-granted";
    public static final String UNKNOWN_ROLE = "unknown-role";

    private final Map<UserId, Set<R>> held = new HashMap<>();
    private final Map<UserId, Set<R>> everGranted = new HashMap<>();

    /** Refuses a command without a role (the adapters only send roles they know). */
    public static void requireRole(Enum<?> role) {
        if (role == null) {
            throw new CommandRejectedException(RejectionReason.INVALID, UNKNOWN_ROLE, "A role is required.");
        }
    }

    public boolean holds(UserId user, R role) {
        return held.getOrDefault(user, Set.of()).contains(role);
    }

    /** Refuses a revocation of a role this scope never granted to the person. */
    public void requireEverGranted(UserId user, R role, String scope) {
        if (!everGranted.getOrDefault(user, Set.of()).contains(role)) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, ROLE_NOT_GRANTED,
                    "User " + user + " was never granted the role " + role.name().toLowerCase(Locale.ROOT)
                            + " in " + scope + ".");
        }
    }

    public void granted(UserId user, R role) {
        held.computeIfAbsent(user, u -> new HashSet<>()).add(role);
        everGranted.computeIfAbsent(user, u -> new HashSet<>()).add(role);
    }

    public void revoked(UserId user, R role) {
        var roles = held.get(user);
        if (roles != null) {
            roles.remove(role);
        }
    }
}
