package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupContent;
import io.roomservice.api.group.GroupId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GroupAnnouncementsTest {

    private static final String PUBLIC = "!public:example.org";
    private static final String PRIVATE = "!private:example.org";
    private static final String LISTENER = "!listener:example.org";

    private PostGroupAnnouncement work(boolean internal) {
        var content = new GroupContent(UUID.randomUUID(), "Article", "Seeds *now*", "https://example.org/a/1",
                internal, null);
        return new PostGroupAnnouncement(GroupId.random(), content, "Garden [North]", PUBLIC, PRIVATE);
    }

    @Test
    void publicContentIsAnnouncedInBothRoomsAndPrefixedInTheListenerRooms() {
        var announcements = GroupAnnouncements.of(work(false), List.of(LISTENER));

        assertThat(announcements).extracting(GroupAnnouncements.Announcement::roomId)
                .containsExactly(PRIVATE, PUBLIC, LISTENER);
        assertThat(announcements.get(0).markdown()).isEqualTo("Article: [Seeds \\*now\\*](<https://example.org/a/1>)");
        assertThat(announcements.get(2).markdown())
                .isEqualTo("\\[Garden \\[North\\]\\] Article: [Seeds \\*now\\*](<https://example.org/a/1>)");
    }

    @Test
    void internalContentIsAnnouncedInThePrivateRoomOnly() {
        assertThat(GroupAnnouncements.of(work(true), List.of(LISTENER)))
                .extracting(GroupAnnouncements.Announcement::roomId).containsExactly(PRIVATE);
    }

    @Test
    void eachRoomGetsItsOwnTransactionIdThatARepeatKeeps() {
        var work = work(false);
        var first = GroupAnnouncements.of(work, List.of(LISTENER));
        var again = GroupAnnouncements.of(work, List.of(LISTENER));

        assertThat(first).isEqualTo(again);
        assertThat(first).extracting(GroupAnnouncements.Announcement::transactionId).doesNotHaveDuplicates();
    }

    @Test
    void aListenerRoomThatIsAGroupRoomIsNotAnnouncedInTwice() {
        assertThat(GroupAnnouncements.of(work(false), List.of(PUBLIC, LISTENER, LISTENER)))
                .extracting(GroupAnnouncements.Announcement::roomId).containsExactly(PRIVATE, PUBLIC, LISTENER);
    }
}
