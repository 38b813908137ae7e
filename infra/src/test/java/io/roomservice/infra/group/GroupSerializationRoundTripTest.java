package io.roomservice.infra.group;

import io.roomservice.api.group.GroupAnnouncementDue;
import io.roomservice.api.group.GroupContent;
import io.roomservice.api.group.GroupContentRecorded;
import io.roomservice.api.group.GroupDetailsChanged;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.GroupInvitationWithdrawn;
import io.roomservice.api.group.GroupInvitationsDue;
import io.roomservice.api.group.GroupMemberAdded;
import io.roomservice.api.group.GroupMemberMatrixIdChanged;
import io.roomservice.api.group.GroupMemberRemoved;
import io.roomservice.api.group.GroupMembersInvited;
import io.roomservice.api.group.GroupPersonDeleted;
import io.roomservice.api.group.GroupPersonMatrixIdChanged;
import io.roomservice.api.group.GroupPersonRecorded;
import io.roomservice.api.group.GroupRegistered;
import io.roomservice.api.group.GroupRoomDetailsDue;
import io.roomservice.api.group.GroupRoomsFailed;
import io.roomservice.api.group.GroupRoomsProvisioned;
import io.roomservice.api.group.GroupRoomsProvisioningRequested;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.sagas.group.DescribeGroupRooms;
import io.roomservice.sagas.group.GroupPersonSaga;
import io.roomservice.sagas.group.InviteGroupMembers;
import io.roomservice.sagas.group.KickFromGroupRooms;
import io.roomservice.sagas.group.PostGroupAnnouncement;
import io.roomservice.sagas.group.ProvisionGroupRooms;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every group event, piece of group work and the person's saga come back as they were stored. */
class GroupSerializationRoundTripTest extends EndToEndTest {

    private static final GroupId GROUP = GroupId.of("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
    private static final UserId USER = UserId.of("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    private static final GroupInvitation INVITATION = new GroupInvitation("!p:example.org", "@rs-ada:example.org");
    private static final GroupContent CONTENT = new GroupContent(UUID.fromString("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e"),
            "Article", "Seeds", "https://example.org/a/1", true, USER);

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    Serializer serializer;

    static Stream<Object> events() {
        return Stream.of(
                new GroupRegistered(GROUP, "garden", "Garden", "https://example.org/garden/"),
                new GroupDetailsChanged(GROUP, "garden", "Allotment", "https://example.org/garden/", "!p:x", null),
                new GroupMemberAdded(GROUP, USER, "@rs-ada:example.org"),
                new GroupMemberRemoved(GROUP, USER, "@rs-ada:example.org", "!p:x", "!q:x"),
                new GroupMemberMatrixIdChanged(GROUP, USER, "@rs-ada:example.org", "@ada:elsewhere.org"),
                new GroupRoomsProvisioned(GROUP, "!p:x", "!q:x"),
                new GroupRoomsFailed(GROUP, "M_FORBIDDEN"),
                new GroupRoomsProvisioningRequested(GROUP, "garden", "Garden", "https://example.org/", null, null),
                new GroupRoomDetailsDue(GROUP, "garden", "Allotment", "https://example.org/", "!p:x", "!q:x"),
                new GroupInvitationsDue(GROUP, 3, "!p:x", "!q:x", List.of(INVITATION), List.of("@rs-ada:example.org")),
                new GroupMembersInvited(GROUP, List.of(INVITATION)),
                new GroupInvitationWithdrawn(GROUP, INVITATION),
                new GroupContentRecorded(GROUP, CONTENT),
                new GroupAnnouncementDue(GROUP, CONTENT, "Garden", "!p:x", "!q:x"),
                new GroupPersonRecorded(USER, "@rs-ada:example.org", false),
                new GroupPersonMatrixIdChanged(USER, "@rs-ada:example.org", "@ada:elsewhere.org", true),
                new GroupPersonDeleted(USER, "@ada:elsewhere.org"),
                new ProvisionGroupRooms(GROUP, "garden", "Garden", "https://example.org/", "!p:x", null),
                new DescribeGroupRooms(GROUP, "garden", "Allotment", "https://example.org/", "!p:x", "!q:x"),
                new InviteGroupMembers(GROUP, 2, "!p:x", List.of(INVITATION), List.of("@rs-ada:example.org")),
                new KickFromGroupRooms(GROUP, "@rs-ada:example.org", List.of("!p:x"), "Left the group"),
                new PostGroupAnnouncement(GROUP, CONTENT, "Garden", "!p:x", "!q:x"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyGroupEventAndWorkComesBackEqual(Object event) {
        Object back = eventSerializer.deserialize(eventSerializer.serialize(event, byte[].class));
        assertThat(back).isEqualTo(event);
    }

    @Test
    void thePersonsSagaComesBackWithTheirGroups() {
        var saga = new GroupPersonSaga();
        saga.setGroups(Set.of(GROUP));

        GroupPersonSaga back = serializer.deserialize(serializer.serialize(saga, byte[].class));

        assertThat(back.getGroups()).containsExactly(GROUP);
    }
}
