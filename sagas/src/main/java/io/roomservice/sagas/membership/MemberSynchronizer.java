package io.roomservice.sagas.membership;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.directory.FindProjectPeople;
import io.roomservice.api.directory.ProjectPeople;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.profile.CreateUserProfile;
import io.roomservice.api.profile.FindUserProfiles;
import io.roomservice.api.profile.RecordMatrixUserProvisioned;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.profile.UserProfiles;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.Reports;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs outside any database transaction, as homeserver work ({@link SyncRoomMembersHandler}). Brings
 * one room's members in step with the directory: provisions the Matrix accounts that are
 * missing, invites and joins whoever belongs, sets power levels in one change, kicks whoever does not
 * belong, and returns what it did for the caller to record. Computed from the directory and the homeserver's
 * current state each time, so a repeat after a failure or a crash does only what is still missing.
 */
public class MemberSynchronizer {

    private static final Logger log = LoggerFactory.getLogger(MemberSynchronizer.class);

    /** What a sync did: its outcome, the directory position it synced from, and the changes it made. */
    public record Result(Outcome outcome, long directoryPosition, List<MemberChange> changes) {

        static Result of(Outcome outcome) {
            return new Result(outcome, -1, List.of());
        }
    }

    /** What a sync found. */
    public enum Outcome {
        /** The room now matches the directory. */
        DONE,
        /**
         * The directory has not yet applied the event that asked for this sync, or does not know the
         * room's project yet: try again shortly.
         */
        DIRECTORY_BEHIND
    }

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final MemberHomeserver homeserver;
    private final MatrixIdentities identities;

    public MemberSynchronizer(QueryGateway queries, CommandGateway commands, MemberHomeserver homeserver,
                              MatrixIdentities identities) {
        this.queries = queries;
        this.commands = commands;
        this.homeserver = homeserver;
        this.identities = identities;
    }

    /**
     * @param waitForPosition the global index of the event that asked for the sync; the directory must
     *                        have applied it
     * @param renamed         people whose display name must be set again
     * @param keep            Matrix users to leave as they are (staff who joined by hand)
     */
    public Result sync(RoomId roomId, String matrixRoomId, ProjectId projectId, long waitForPosition,
                        Set<UserId> renamed, Set<String> keep) {
        ProjectPeople people = queries.query(new FindProjectPeople(projectId),
                ResponseTypes.instanceOf(ProjectPeople.class)).join();
        // a room exists only for a project the command side knows: a directory without it is behind too
        if (people == null || people.position() < waitForPosition) {
            return Result.of(Outcome.DIRECTORY_BEHIND);
        }
        Set<UserId> everyone = people.people().stream().map(ProjectPeople.Person::userId).collect(Collectors.toSet());
        Map<UserId, UserProfileView> profiles = everyone.isEmpty() ? Map.of()
                : queries.query(new FindUserProfiles(everyone), ResponseTypes.instanceOf(UserProfiles.class)).join()
                .byUser();
        Map<String, ProjectPeople.Person> byMatrixId = new HashMap<>();
        profiles.values().forEach(p -> people.people().stream().filter(x -> x.userId().equals(p.userId())).findFirst()
                .ifPresent(x -> byMatrixId.put(p.matrixUserId(), x)));

        Map<String, Target> targets = new LinkedHashMap<>();
        for (ProjectPeople.Person person : people.people()) {
            if (MemberPlan.belongs(person)) {
                String matrixUserId = provision(person, profiles.get(person.userId()), renamed.contains(person.userId()));
                if (matrixUserId != null) {
                    targets.put(matrixUserId, new Target(person, MemberPlan.powerLevel(person)));
                    byMatrixId.put(matrixUserId, person);
                }
            }
        }

        MemberHomeserver.RoomState state = homeserver.roomState(matrixRoomId);
        List<MemberChange> changes = new ArrayList<>();
        for (var entry : targets.entrySet()) {
            String matrixUserId = entry.getKey();
            String membership = state.membership().get(matrixUserId);
            if ("join".equals(membership)) {
                continue;
            }
            if ("ban".equals(membership)) {
                log.warn("{} is banned from room {}: not inviting them back", matrixUserId, roomId);
                continue;
            }
            boolean joined = forOnePerson(roomId, matrixUserId, "join", () -> {
                if (!"invite".equals(membership)) {
                    homeserver.invite(matrixRoomId, matrixUserId);
                }
                homeserver.join(matrixRoomId, matrixUserId);
            });
            if (!joined) {
                continue;
            }
            changes.add(new MemberChange(entry.getValue().person().userId(), matrixUserId, Membership.JOINED,
                    entry.getValue().powerLevel(), "Has a role in the project."));
        }

        String bot = identities.botUserId();
        Map<String, Integer> levels = new LinkedHashMap<>(state.powerLevels());
        levels.keySet().removeIf(user -> !user.equals(bot) && !targets.containsKey(user) && !keep.contains(user));
        targets.forEach((user, target) -> {
            if (target.powerLevel() == MemberPlan.MEMBER) {
                levels.remove(user);
            } else {
                levels.put(user, target.powerLevel());
            }
        });
        if (!levels.equals(state.powerLevels())) {
            homeserver.setUserPowerLevels(matrixRoomId, levels);
            targets.forEach((user, target) -> {
                int before = state.powerLevels().getOrDefault(user, MemberPlan.MEMBER);
                boolean joinedNow = changes.stream().anyMatch(c -> user.equals(c.matrixUserId()));
                if (before != target.powerLevel() && !joinedNow) {
                    changes.add(new MemberChange(target.person().userId(), user, Membership.JOINED,
                            target.powerLevel(), "Power level follows the project role."));
                }
            });
        }

        for (var entry : state.membership().entrySet()) {
            String user = entry.getKey();
            if (MemberPlan.isIn(entry.getValue()) && !user.equals(bot) && !targets.containsKey(user)
                    && !keep.contains(user)) {
                ProjectPeople.Person person = byMatrixId.get(user);
                String reason = MemberPlan.kickReason(person);
                if (!forOnePerson(roomId, user, "kick", () -> homeserver.kick(matrixRoomId, user, reason))) {
                    continue;
                }
                changes.add(new MemberChange(person == null ? null : person.userId(), user, Membership.LEFT,
                        MemberPlan.MEMBER, reason));
            }
        }
        return new Result(Outcome.DONE, people.position(), List.copyOf(changes));
    }

    /**
     * Puts a staff or support person in the room as moderator (50); the change, or empty when they
     * cannot have a Matrix account (not in the directory, or refused).
     */
    public Optional<MemberChange> joinModerator(RoomId roomId, String matrixRoomId, UserId userId) {
        DirectoryUser user = queries.query(new FindDirectoryUser(userId), ResponseTypes.instanceOf(DirectoryUser.class))
                .join();
        if (user == null || !user.active()) {
            log.warn("Person {} cannot join room {} as moderator: not an active person of the directory", userId,
                    roomId);
            return Optional.empty();
        }
        UserProfileView profile = queries.query(new FindUserProfiles(Set.of(userId)),
                ResponseTypes.instanceOf(UserProfiles.class)).join().byUser().get(userId);
        var person = new ProjectPeople.Person(userId, user.username(), user.fullName(), true, Set.of(), Set.of());
        String matrixUserId = provision(person, profile, false);
        if (matrixUserId == null) {
            return Optional.empty();
        }
        MemberHomeserver.RoomState state = homeserver.roomState(matrixRoomId);
        if (!"join".equals(state.membership().get(matrixUserId))) {
            if (!"invite".equals(state.membership().get(matrixUserId))) {
                homeserver.invite(matrixRoomId, matrixUserId);
            }
            homeserver.join(matrixRoomId, matrixUserId);
        }
        if (state.powerLevels().getOrDefault(matrixUserId, MemberPlan.MEMBER) != MemberPlan.MODERATOR) {
            Map<String, Integer> levels = new LinkedHashMap<>(state.powerLevels());
            levels.put(matrixUserId, MemberPlan.MODERATOR);
            homeserver.setUserPowerLevels(matrixRoomId, levels);
        }
        return Optional.of(new MemberChange(userId, matrixUserId, Membership.JOINED, MemberPlan.MODERATOR,
                "Joined as moderator."));
    }

    /** Takes a moderator who joined by hand out of the room again (their power level entry too). */
    public MemberChange leaveModerator(RoomId roomId, String matrixRoomId, UserId userId, String matrixUserId) {
        MemberHomeserver.RoomState state = homeserver.roomState(matrixRoomId);
        if (MemberPlan.isIn(state.membership().get(matrixUserId))) {
            homeserver.leave(matrixRoomId, matrixUserId);
        }
        if (state.powerLevels().containsKey(matrixUserId)) {
            Map<String, Integer> levels = new LinkedHashMap<>(state.powerLevels());
            levels.remove(matrixUserId);
            homeserver.setUserPowerLevels(matrixRoomId, levels);
        }
        return new MemberChange(userId, matrixUserId, Membership.LEFT, MemberPlan.MEMBER, "Left as moderator.");
    }

    /** Everyone the directory lists for the project (with any role), to follow their changes. */
    public Set<UserId> peopleOf(ProjectId projectId) {
        ProjectPeople people = queries.query(new FindProjectPeople(projectId),
                ResponseTypes.instanceOf(ProjectPeople.class)).join();
        return people == null ? Set.of()
                : people.people().stream().map(ProjectPeople.Person::userId).collect(Collectors.toSet());
    }

    /** The person's Matrix user id once their account exists on the homeserver; null when they cannot have one. */
    private String provision(ProjectPeople.Person person, UserProfileView profile, boolean renamed) {
        String matrixUserId = profile != null ? profile.matrixUserId()
                : identities.userIdFor(person.userId(), person.username(), () -> email(person.userId())).orElse(null);
        if (matrixUserId == null) {
            log.warn("Person {} ({}) cannot have a Matrix user id with the configured format; left out",
                    person.userId(), person.username());
            return null;
        }
        if (profile == null) {
            try {
                SystemCommands.sendAndWait(commands, new CreateUserProfile(person.userId(), matrixUserId,
                        identities.botUserId()));
            } catch (CommandRejectedException refused) {
                log.warn("Person {} cannot be linked to {}: {}", person.userId(), matrixUserId, refused.getMessage());
                return null;
            }
        }
        if (profile == null || !profile.provisioned() || renamed) {
            String displayName = person.fullName() != null ? person.fullName() : person.username();
            if (!forOnePerson(null, matrixUserId, "provision",
                    () -> homeserver.ensureUser(matrixUserId, displayName))) {
                return null;
            }
            if (profile == null || !profile.provisioned()) {
                Reports.report(commands, new RecordMatrixUserProvisioned(person.userId()));
            }
        }
        return matrixUserId;
    }

    /**
     * A permanent failure for one person (the homeserver refuses this one account) leaves that person
     * out and goes on with the others; a transient one stops the sync, which is retried as a whole.
     */
    private static boolean forOnePerson(RoomId roomId, String matrixUserId, String what, Runnable call) {
        try {
            call.run();
            return true;
        } catch (HomeserverException failure) {
            if (failure.isTransient()) {
                throw failure;
            }
            log.warn("Could not {} {}{}: {}", what, matrixUserId, roomId == null ? "" : " in room " + roomId,
                    failure.getMessage());
            return false;
        }
    }

    private String email(UserId userId) {
        DirectoryUser user = queries.query(new FindDirectoryUser(userId), ResponseTypes.instanceOf(DirectoryUser.class))
                .join();
        return user == null ? null : user.email();
    }

    private record Target(ProjectPeople.Person person, int powerLevel) {
    }
}
