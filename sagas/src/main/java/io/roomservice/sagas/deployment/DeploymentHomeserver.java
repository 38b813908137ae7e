package io.roomservice.sagas.deployment;

import java.util.Map;
import java.util.Optional;

/**
 * What the deployment's catalogue and users' lifecycle need of the homeserver. Calls are made as
 * roomservice's Synapse admin account (the deployment's admin bot), which creates the catalogue and so
 * is in every room of it, as Synapse's admin join requires. Every method throws a
 * {@code HomeserverException} that says whether trying again can help.
 */
public interface DeploymentHomeserver {

    /** Whether the homeserver answers its health check; false while it starts. */
    boolean healthy();

    /** Makes sure the admin account exists (registered with the shared secret once); answers its user id. */
    String ensureAdminAccount();

    /** Lifts the admin account's rate limits, so that a bootstrap or a burst of callbacks is never slowed. */
    void liftRateLimit(String adminUserId);

    Optional<String> resolveAlias(String alias);

    /** Points the alias at the room (an alias removed behind roomservice's back); the same binding again is harmless. */
    void bindAlias(String alias, String roomId);

    /**
     * Creates the room with its alias, name and the power levels the catalogue needs from the first
     * event (the admin account at 200); answers its id.
     */
    String createRoom(String aliasLocalpart, String name, boolean space, Map<String, Object> powerLevelOverride);

    /** The content of a state event; empty when the room has none. */
    Optional<Map<String, Object>> state(String roomId, String type, String stateKey);

    void putState(String roomId, String type, String stateKey, Map<String, Object> content);

    /** Joins a local user to the room through the admin API; false when the user is not registered yet. */
    boolean forceJoin(String roomId, String userId);

    /** Deactivates the user and erases their messages; false when the user was never registered. */
    boolean deactivateAndErase(String userId);

    /** Every member event of the room: user id to membership ({@code join}, {@code invite}, {@code leave}, ...). */
    Map<String, String> memberships(String roomId);

    /** Whether the user has an account on the homeserver (a user who never logged in has none yet). */
    boolean registered(String userId);

    /** Kicks the user; false when they were not in the room. */
    boolean kick(String roomId, String userId, String reason);
}
