package io.roomservice.sagas.membership;

import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.directory.FindProjectPeople;
import io.roomservice.api.directory.ProjectPeople;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.profile.CreateUserProfile;
import io.roomservice.api.profile.FindUserProfiles;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.profile.UserProfiles;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Member sync against an in-memory room: who is invited, joined, promoted, demoted and kicked, and
 * that a second sync with nothing changed calls nothing but the state read.
 */
class MemberSynchronizerTest {

    private static final String BOT = "@roomservice-bot:example.org";
    private static final String ROOM = "!room:example.org";

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();
    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private MemberSynchronizer.Result lastSync;
    private boolean projectUnknown;
    private final InMemoryMemberHomeserver homeserver = new InMemoryMemberHomeserver();
    private final Map<UserId, UserProfileView> profiles = new HashMap<>();
    private final List<ProjectPeople.Person> people = new ArrayList<>();
    private long directoryPosition = 100;
    private MemberSynchronizer synchronizer;

    private final MatrixIdentities identities = new MatrixIdentities() {
        @Override
        public Optional<String> userIdFor(UserId userId, String username, java.util.function.Supplier<String> email) {
            return username.isBlank() ? Optional.empty() : Optional.of("@rs-" + username + ":example.org");
        }

        @Override
        public String botUserId() {
            return BOT;
        }
    };

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        homeserver.membership.put(BOT, "join");
        homeserver.powerLevels.put(BOT, 100);
        when(queries.query(any(), any(ResponseType.class))).thenAnswer(call -> {
            Object query = call.getArgument(0);
            if (query instanceof FindProjectPeople) {
                return CompletableFuture.completedFuture(projectUnknown ? null :
                        new ProjectPeople(projectId, customerId, List.copyOf(people), directoryPosition));
            }
            if (query instanceof FindUserProfiles) {
                return CompletableFuture.completedFuture(new UserProfiles(Map.copyOf(profiles)));
            }
            return CompletableFuture.completedFuture(null);
        });
        when(commands.send(any(CommandMessage.class))).thenReturn(CompletableFuture.completedFuture(null));
        synchronizer = new MemberSynchronizer(queries, commands, homeserver, identities);
    }

    private UserId person(String username, boolean active, Set<ProjectRole> projectRoles,
                          Set<CustomerRole> customerRoles) {
        var id = UserId.random();
        people.add(new ProjectPeople.Person(id, username, username.toUpperCase(), active, projectRoles, customerRoles));
        return id;
    }

    private void provisioned(UserId id, String username) {
        profiles.put(id, new UserProfileView(id, "@rs-" + username + ":example.org", true, false));
    }

    private MemberSynchronizer.Outcome sync() {
        lastSync = synchronizer.sync(roomId, ROOM, projectId, 50, Set.of(), Set.of());
        return lastSync.outcome();
    }

    /** What the last sync says it changed, for its caller to record. */
    private List<MemberChange> recordedChanges() {
        return lastSync.changes();
    }

    @Test
    void everyoneWithAProjectRoleAndTheCustomersOwnersIsProvisionedInvitedAndJoined() {
        person("ada", true, Set.of(ProjectRole.ADMIN), Set.of());
        person("bob", true, Set.of(ProjectRole.MEMBER), Set.of());
        person("cy", true, Set.of(), Set.of(CustomerRole.OWNER));

        assertThat(sync()).isEqualTo(MemberSynchronizer.Outcome.DONE);

        assertThat(homeserver.membership).containsEntry("@rs-ada:example.org", "join")
                .containsEntry("@rs-bob:example.org", "join").containsEntry("@rs-cy:example.org", "join");
        assertThat(homeserver.displayNames).containsEntry("@rs-ada:example.org", "ADA");
        assertThat(homeserver.powerLevels).containsExactlyInAnyOrderEntriesOf(Map.of(BOT, 100,
                "@rs-ada:example.org", 50, "@rs-cy:example.org", 50));
        assertThat(recordedChanges()).extracting(MemberChange::matrixUserId, MemberChange::membership,
                        MemberChange::powerLevel)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("@rs-ada:example.org", Membership.JOINED, 50),
                        org.assertj.core.groups.Tuple.tuple("@rs-bob:example.org", Membership.JOINED, 0),
                        org.assertj.core.groups.Tuple.tuple("@rs-cy:example.org", Membership.JOINED, 50));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonWithoutAProfileGetsOneLinkedBeforeTheirAccountIsMade() {
        var ada = person("ada", true, Set.of(ProjectRole.MEMBER), Set.of());

        sync();

        ArgumentCaptor<CommandMessage<?>> linked = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands, atLeastOnce()).sendAndWait(linked.capture(), any(Long.class), any());
        assertThat(linked.getAllValues().get(0).getPayload())
                .isEqualTo(new CreateUserProfile(ada, "@rs-ada:example.org", BOT));
        assertThat(homeserver.accounts).contains("@rs-ada:example.org");
    }

    @Test
    void customerRolesOtherThanOwnerGiveNoPlaceInTheRoom() {
        person("sam", true, Set.of(), Set.of(CustomerRole.SUPPORT));

        sync();

        assertThat(homeserver.membership).doesNotContainKey("@rs-sam:example.org");
    }

    @Test
    void whoeverHasNoRoleLeftIsKickedWithAReasonAndLosesTheirPowerLevel() {
        var ada = person("ada", true, Set.of(), Set.of());
        provisioned(ada, "ada");
        homeserver.membership.put("@rs-ada:example.org", "join");
        homeserver.powerLevels.put("@rs-ada:example.org", 50);

        sync();

        assertThat(homeserver.membership).containsEntry("@rs-ada:example.org", "leave");
        assertThat(homeserver.powerLevels).containsOnlyKeys(BOT);
        assertThat(homeserver.calls).contains("kick @rs-ada:example.org (No role left in the project.)");
        assertThat(recordedChanges()).singleElement().satisfies(change -> {
            assertThat(change.userId()).isEqualTo(ada);
            assertThat(change.membership()).isEqualTo(Membership.LEFT);
        });
    }

    @Test
    void aDeactivatedPersonIsKickedSayingSo() {
        var ada = person("ada", false, Set.of(ProjectRole.ADMIN), Set.of());
        provisioned(ada, "ada");
        homeserver.membership.put("@rs-ada:example.org", "join");

        sync();

        assertThat(homeserver.calls).contains("kick @rs-ada:example.org (The account was deactivated.)");
    }

    @Test
    void aMemberPromotedToManagerGetsPowerLevel50WithoutBeingInvitedAgain() {
        var bob = person("bob", true, Set.of(ProjectRole.MANAGER), Set.of());
        provisioned(bob, "bob");
        homeserver.accounts.add("@rs-bob:example.org");
        homeserver.membership.put("@rs-bob:example.org", "join");

        sync();

        assertThat(homeserver.powerLevels).containsEntry("@rs-bob:example.org", 50);
        assertThat(homeserver.calls).noneMatch(call -> call.startsWith("invite") || call.startsWith("ensure"));
    }

    @Test
    void aSecondSyncWithNothingChangedOnlyReadsTheRoom() {
        var ada = person("ada", true, Set.of(ProjectRole.ADMIN), Set.of());
        sync();
        provisioned(ada, "ada");
        homeserver.calls.clear();

        sync();

        assertThat(homeserver.calls).containsExactly("state");
    }

    @Test
    void strangersInTheRoomAreKickedButTheBotAndKeptUsersStay() {
        homeserver.membership.put("@eve:example.org", "join");
        homeserver.membership.put("@staff:example.org", "join");

        synchronizer.sync(roomId, ROOM, projectId, 50, Set.of(), Set.of("@staff:example.org"));

        assertThat(homeserver.membership).containsEntry("@eve:example.org", "leave")
                .containsEntry("@staff:example.org", "join").containsEntry(BOT, "join");
    }

    @Test
    void anAccountTheHomeserverRefusesForGoodLeavesThatPersonOutButNotTheOthers() {
        person("ada", true, Set.of(ProjectRole.MEMBER), Set.of());
        person("bob", true, Set.of(ProjectRole.MEMBER), Set.of());
        homeserver.refused.add("@rs-ada:example.org");

        assertThat(sync()).isEqualTo(MemberSynchronizer.Outcome.DONE);

        assertThat(homeserver.membership).doesNotContainKey("@rs-ada:example.org")
                .containsEntry("@rs-bob:example.org", "join");
    }

    @Test
    void aTransientFailureStopsTheSyncSoThatItIsRetriedAsAWhole() {
        person("ada", true, Set.of(ProjectRole.MEMBER), Set.of());
        var failing = new InMemoryMemberHomeserver() {
            @Override
            public void invite(String matrixRoomId, String matrixUserId) {
                throw HomeserverException.transientFailure("Homeserver unreachable", null);
            }
        };
        failing.membership.put(BOT, "join");

        var sync = new MemberSynchronizer(queries, commands, failing, identities);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> sync.sync(roomId, ROOM, projectId, 50, Set.of(), Set.of()))
                .isInstanceOf(HomeserverException.class);
    }

    @Test
    void aPersonWhoseNameCannotFormAMatrixIdIsLeftOut() {
        person("", true, Set.of(ProjectRole.MEMBER), Set.of());

        assertThat(sync()).isEqualTo(MemberSynchronizer.Outcome.DONE);

        assertThat(homeserver.membership).containsOnlyKeys(BOT);
    }

    @Test
    void nothingHappensWhileTheDirectoryIsBehindTheEventThatAskedForTheSync() {
        directoryPosition = 10;
        person("ada", true, Set.of(ProjectRole.ADMIN), Set.of());

        assertThat(sync()).isEqualTo(MemberSynchronizer.Outcome.DIRECTORY_BEHIND);

        assertThat(homeserver.calls).isEmpty();
    }

    /** A room exists only for a project the command side knows: a directory without it has not caught up. */
    @Test
    void aDirectoryThatDoesNotKnowTheProjectYetIsBehindToo() {
        projectUnknown = true;

        assertThat(sync()).isEqualTo(MemberSynchronizer.Outcome.DIRECTORY_BEHIND);

        assertThat(homeserver.calls).isEmpty();
    }
}
