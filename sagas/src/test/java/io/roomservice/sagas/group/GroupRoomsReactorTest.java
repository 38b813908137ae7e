package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupDetailsChanged;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupRoomDetailsDue;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactor hands a group's decisions on as homeserver work, under the keys the queue needs. */
class GroupRoomsReactorTest {

    private final GroupRoomsReactor reactor = new GroupRoomsReactor();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private final GroupId group = GroupId.random();

    @Test
    void detailsDueAfterAProvisioningGoUnderAKeyOfTheirOwnSoTheRunningProvisioningCannotSwallowThem() {
        reactor.on(new GroupDetailsChanged(group, "garden", "Allotment", "https://example.org/", null, null), work);
        reactor.on(new GroupRoomDetailsDue(group, "garden", "Allotment", "https://example.org/", "!p:x", "!q:x"),
                work);

        assertThat(work.submitted()).containsExactly(
                new ProvisionGroupRooms(group, "garden", "Allotment", "https://example.org/", null, null),
                new DescribeGroupRooms(group, "garden", "Allotment", "https://example.org/", "!p:x", "!q:x"));
        assertThat(work.submitted()).extracting(w -> w.key()).doesNotHaveDuplicates();
    }
}
