package io.roomservice.command.group;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.group.AddGroupMember;
import io.roomservice.api.group.AnnounceGroupContent;
import io.roomservice.api.group.ChangeGroupMemberMatrixId;
import io.roomservice.api.group.GroupAnnouncementDue;
import io.roomservice.api.group.GroupContent;
import io.roomservice.api.group.GroupContentRecorded;
import io.roomservice.api.group.GroupDetailsChanged;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.ReprovisionGroupRooms;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.GroupInvitationWithdrawn;
import io.roomservice.api.group.GroupInvitationsDue;
import io.roomservice.api.group.GroupMemberAdded;
import io.roomservice.api.group.GroupMemberMatrixIdChanged;
import io.roomservice.api.group.GroupMemberRemoved;
import io.roomservice.api.group.GroupMembersInvited;
import io.roomservice.api.group.GroupRegistered;
import io.roomservice.api.group.GroupRejections;
import io.roomservice.api.group.GroupRoomDetailsDue;
import io.roomservice.api.group.GroupRoomsProvisioned;
import io.roomservice.api.group.GroupRoomsProvisioningRequested;
import io.roomservice.api.group.RecordGroupInvitations;
import io.roomservice.api.group.RecordGroupRoomsProvisioned;
import io.roomservice.api.group.RegisterGroup;
import io.roomservice.api.group.ReinviteGroupMember;
import io.roomservice.api.group.RemoveGroupMember;
import io.roomservice.api.group.SyncGroup;
import io.roomservice.api.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GroupTest {

    private static final String PUBLIC = "!public:example.org";
    private static final String PRIVATE = "!private:example.org";
    private static final String URL = "https://example.org/garden/";

    private final GroupId groupId = GroupId.random();
    private final UserId ada = new UserId(UUID.randomUUID());
    private final UserId bob = new UserId(UUID.randomUUID());
    private final Map<UserId, String> people = new HashMap<>();
    private FixtureConfiguration<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Group.class);
        people.put(ada, "@rs-ada:example.org");
        people.put(bob, "@bob:elsewhere.org");
        fixture.registerInjectableResource((GroupPeople) user -> Optional.ofNullable(people.get(user)));
    }

    private GroupRegistered registered() {
        return new GroupRegistered(groupId, "garden", "Garden", URL);
    }

    private GroupRoomsProvisioned rooms() {
        return new GroupRoomsProvisioned(groupId, PUBLIC, PRIVATE);
    }

    private GroupInvitationsDue due(List<String> invited, List<String> moderators) {
        return new GroupInvitationsDue(groupId, 1, PUBLIC, PRIVATE, invited.stream()
                .flatMap(id -> List.of(new GroupInvitation(PUBLIC, id), new GroupInvitation(PRIVATE, id)).stream())
                .toList(), moderators);
    }

    private GroupMembersInvited invitedToBoth(String matrixId) {
        return new GroupMembersInvited(groupId, List.of(new GroupInvitation(PUBLIC, matrixId),
                new GroupInvitation(PRIVATE, matrixId)));
    }

    @Test
    void aNewGroupIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterGroup(groupId, "garden", "Garden", URL))
                .expectEvents(registered())
                .expectResultMessagePayload(true);
    }

    @Test
    void aRepeatedRegistrationChangesNothing() {
        fixture.given(registered())
                .when(new RegisterGroup(groupId, "garden", "Garden", URL))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aNewNameIsRecordedWithTheRoomsItRenames() {
        fixture.given(registered(), rooms())
                .when(new RegisterGroup(groupId, "garden", "Allotment", URL))
                .expectEvents(new GroupDetailsChanged(groupId, "garden", "Allotment", URL, PUBLIC, PRIVATE));
    }

    @Test
    void aRenameWhileTheRoomsWereBeingMadeReachesThemAsSoonAsTheyExist() {
        // the rename found no rooms to rename: the provisioning under way makes them with the old name
        fixture.given(registered(), new GroupDetailsChanged(groupId, "garden", "Allotment", URL, null, null))
                .when(new RecordGroupRoomsProvisioned(groupId, PUBLIC, PRIVATE, "Garden", URL))
                .expectEvents(rooms(), new GroupRoomDetailsDue(groupId, "garden", "Allotment", URL, PUBLIC, PRIVATE));
    }

    @Test
    void aNewUrlWhileARepairRanIsAskedForWhenTheRepairReports() {
        fixture.given(registered(), rooms(), new GroupDetailsChanged(groupId, "garden", "Garden", URL + "new/",
                        PUBLIC, PRIVATE))
                .when(new RecordGroupRoomsProvisioned(groupId, PUBLIC, PRIVATE, "Garden", URL))
                .expectEvents(new GroupRoomDetailsDue(groupId, "garden", "Garden", URL + "new/", PUBLIC, PRIVATE));
    }

    @Test
    void roomsProvisionedWithTheGroupsDetailsNeedNothingMore() {
        fixture.given(registered(), new GroupDetailsChanged(groupId, "garden", "Allotment", URL, null, null))
                .when(new RecordGroupRoomsProvisioned(groupId, PUBLIC, PRIVATE, "Allotment", URL))
                .expectEvents(rooms());
    }

    @Test
    void theSlugCannotChangeAsTheAliasesAreMadeOfIt() {
        fixture.given(registered())
                .when(new RegisterGroup(groupId, "allotment", "Garden", URL))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("slug"))
                .expectNoEvents();
    }

    @Test
    void aMemberOfAGroupWithRoomsIsDueAnInvitationToBothAndModeratorOfThePublicRoom() {
        fixture.given(registered(), rooms())
                .when(new AddGroupMember(groupId, ada))
                .expectEvents(new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        due(List.of("@rs-ada:example.org"), List.of("@rs-ada:example.org")))
                .expectResultMessagePayload(true);
    }

    @Test
    void aMemberAddedBeforeTheRoomsExistIsInvitedOnceTheyDo() {
        fixture.given(registered(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"))
                .when(new RecordGroupRoomsProvisioned(groupId, PUBLIC, PRIVATE, "Garden", URL))
                .expectEvents(rooms(), due(List.of("@rs-ada:example.org"), List.of("@rs-ada:example.org")));
    }

    @Test
    void aMemberOfAnUnknownGroupIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AddGroupMember(groupId, ada))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aPersonWithoutAMatrixIdCannotBeAdded() {
        fixture.given(registered())
                .when(new AddGroupMember(groupId, new UserId(UUID.randomUUID())))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
        assertThat(GroupRejections.UNKNOWN_PERSON).isEqualTo("unknown-group-person");
    }

    @Test
    void theLedgerKeepsAnInvitedMemberFromBeingInvitedAgainBySyncs() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        invitedToBoth("@rs-ada:example.org"))
                .when(new SyncGroup(groupId, false, false))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aRepeatedMemberAddChangesNothing() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        invitedToBoth("@rs-ada:example.org"))
                .when(new AddGroupMember(groupId, ada))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theInvitationsTheWorkReportsEnterTheLedgerOnce() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        new GroupMembersInvited(groupId, List.of(new GroupInvitation(PUBLIC, "@rs-ada:example.org"))))
                .when(new RecordGroupInvitations(groupId, List.of(new GroupInvitation(PUBLIC, "@rs-ada:example.org"),
                        new GroupInvitation(PRIVATE, "@rs-ada:example.org"),
                        new GroupInvitation(PRIVATE, "@someone-gone:example.org"))))
                .expectEvents(new GroupMembersInvited(groupId,
                        List.of(new GroupInvitation(PRIVATE, "@rs-ada:example.org"))));
    }

    @Test
    void aMemberWhoLeavesIsKickedFromBothRoomsAndTheirInvitationsAreForgotten() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        invitedToBoth("@rs-ada:example.org"), new GroupMemberRemoved(groupId, ada,
                                "@rs-ada:example.org", PUBLIC, PRIVATE))
                .when(new AddGroupMember(groupId, ada))
                .expectEvents(new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        due(List.of("@rs-ada:example.org"), List.of("@rs-ada:example.org")));
    }

    @Test
    void removingAMemberNamesTheRoomsToKickFrom() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"))
                .when(new RemoveGroupMember(groupId, ada))
                .expectEvents(new GroupMemberRemoved(groupId, ada, "@rs-ada:example.org", PUBLIC, PRIVATE))
                .expectResultMessagePayload(true);
    }

    @Test
    void removingSomeoneWhoIsNoMemberChangesNothing() {
        fixture.given(registered())
                .when(new RemoveGroupMember(groupId, bob))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aNewMatrixIdIsInvitedAndTheOldIdsInvitationsAreDropped() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        invitedToBoth("@rs-ada:example.org"))
                .when(new ChangeGroupMemberMatrixId(groupId, ada, "@ada:elsewhere.org"))
                .expectEvents(new GroupMemberMatrixIdChanged(groupId, ada, "@rs-ada:example.org", "@ada:elsewhere.org"),
                        due(List.of("@ada:elsewhere.org"), List.of("@ada:elsewhere.org")));
    }

    @Test
    void newContentIsRecordedOnceAndAnnouncedInTheGroupsRooms() {
        var content = new GroupContent(UUID.randomUUID(), "Article", "Seeds", "https://example.org/a/1", false, ada);
        fixture.given(registered(), rooms())
                .when(new AnnounceGroupContent(groupId, content))
                .expectEvents(new GroupContentRecorded(groupId, content),
                        new GroupAnnouncementDue(groupId, content, "Garden", PUBLIC, PRIVATE))
                .expectResultMessagePayload(true);
    }

    @Test
    void contentPushedAgainIsNotAnnouncedAgain() {
        var content = new GroupContent(UUID.randomUUID(), "Article", "Seeds", "https://example.org/a/1", false, ada);
        fixture.given(registered(), rooms(), new GroupContentRecorded(groupId, content),
                        new GroupAnnouncementDue(groupId, content, "Garden", PUBLIC, PRIVATE))
                .when(new AnnounceGroupContent(groupId, content))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void contentPushedBeforeTheRoomsExistIsAnnouncedOnceTheyDo() {
        var content = new GroupContent(UUID.randomUUID(), "Event", "Fair", "https://example.org/e/1", true, null);
        fixture.given(registered(), new GroupContentRecorded(groupId, content))
                .when(new RecordGroupRoomsProvisioned(groupId, PUBLIC, PRIVATE, "Garden", URL))
                .expectEvents(rooms(), new GroupAnnouncementDue(groupId, content, "Garden", PUBLIC, PRIVATE));
    }

    @Test
    void aSyncOfAGroupWithoutRoomsAsksForThem() {
        fixture.given(registered())
                .when(new SyncGroup(groupId, false, false))
                .expectEvents(new GroupRoomsProvisioningRequested(groupId, "garden", "Garden", URL, null, null));
    }

    @Test
    void aReinviteDropsTheLedgerEntrySoTheMemberIsInvitedAgain() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        invitedToBoth("@rs-ada:example.org"))
                .when(new ReinviteGroupMember(groupId, PRIVATE, "@rs-ada:example.org"))
                .expectEvents(new GroupInvitationWithdrawn(groupId, new GroupInvitation(PRIVATE, "@rs-ada:example.org")),
                        new GroupInvitationsDue(groupId, 1, PUBLIC, PRIVATE,
                                List.of(new GroupInvitation(PRIVATE, "@rs-ada:example.org")),
                                List.of("@rs-ada:example.org")));
    }

    @Test
    void aRepairOfPowerLevelsRaisesEveryMemberAgainWithoutInvitingAnyone() {
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        invitedToBoth("@rs-ada:example.org"))
                .when(new SyncGroup(groupId, false, true))
                .expectEvents(new GroupInvitationsDue(groupId, 1, PUBLIC, PRIVATE, List.of(),
                        List.of("@rs-ada:example.org")))
                .expectResultMessagePayload(true);
    }

    @Test
    void aReprovisioningAsksForTheRoomsByTheirAliasesForgettingTheRecordedIds() {
        fixture.given(registered(), rooms())
                .when(new ReprovisionGroupRooms(groupId))
                .expectEvents(new GroupRoomsProvisioningRequested(groupId, "garden", "Garden", URL, null, null));
    }

    @Test
    void aPublicRoomMadeAnewHasItsMembersInvitedAgainThePrivateOneKeepsItsInvitations() {
        String newPublic = "!public-again:example.org";
        fixture.given(registered(), rooms(), new GroupMemberAdded(groupId, ada, "@rs-ada:example.org"),
                        invitedToBoth("@rs-ada:example.org"), new GroupRoomsProvisioningRequested(groupId, "garden",
                                "Garden", URL, null, null))
                .when(new RecordGroupRoomsProvisioned(groupId, newPublic, PRIVATE, "Garden", URL))
                .expectEvents(new GroupRoomsProvisioned(groupId, newPublic, PRIVATE),
                        new GroupInvitationsDue(groupId, 1, newPublic, PRIVATE,
                                List.of(new GroupInvitation(newPublic, "@rs-ada:example.org")),
                                List.of("@rs-ada:example.org")));
    }
}
