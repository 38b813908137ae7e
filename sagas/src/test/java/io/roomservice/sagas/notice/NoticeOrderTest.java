package io.roomservice.sagas.notice;

import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.membership.MemberSynchronizer;
import io.roomservice.sagas.membership.ModeratorWork;
import io.roomservice.sagas.membership.ModeratorWorkHandler;
import io.roomservice.sagas.membership.PostRoomNotice;
import io.roomservice.sagas.membership.PostRoomNoticeHandler;
import io.roomservice.sagas.membership.RoomNotices;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * A room's notices post in the order of the events that decided them, whichever thread runs first: role,
 * order and reactivation notices, and the staff joins and leaves with theirs.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NoticeOrderTest {

    private final RoomId room = RoomId.random();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final RoomNotices notices = mock(RoomNotices.class);
    private final PostRoomNoticeHandler handler = new PostRoomNoticeHandler(notices, queue);

    private PostRoomNotice notice(long position, String txn) {
        return new PostRoomNotice(room, "!r:example.org", txn, UserId.random(), "has been granted the Project Member role.",
                position);
    }

    private final MemberSynchronizer synchronizer = mock(MemberSynchronizer.class);
    private final ModeratorWorkHandler moderators = new ModeratorWorkHandler(synchronizer, notices,
            mock(QueryGateway.class), mock(CommandGateway.class), queue);

    private ModeratorWork staffJoin(long position) {
        return new ModeratorWork(room, "!r:example.org", UserId.random(), true, "join-event", position);
    }

    @Test
    void keys_sort_as_the_positions_of_their_events() {
        assertThat(NoticeOrder.key(room, 9, "b")).isLessThan(NoticeOrder.key(room, 10, "a"));
        assertThat(NoticeOrder.key(room, 10, "a")).isLessThan(NoticeOrder.key(room, 200, "a"));
    }

    @Test
    void a_notice_waits_while_an_earlier_one_of_its_room_is_still_to_be_posted() {
        var earlier = notice(9, "rs-notice-1");
        var later = notice(10, "rs-notice-2");
        queue.submit(earlier);
        queue.submit(later);

        var result = handler.run(later);

        assertThat(result.isDone()).isFalse();
        assertThat(result.runAgainAfter()).isEqualTo(NoticeOrder.WAIT);
        verifyNoInteractions(notices);
    }

    @Test
    void the_earliest_notice_and_notices_of_other_rooms_post_at_once() {
        var earliest = notice(9, "rs-notice-1");
        queue.submit(earliest);
        queue.submit(notice(10, "rs-notice-2"));
        var elsewhere = new PostRoomNotice(RoomId.random(), "!other:example.org", "rs-notice-3", null, "Chat room was reactivated", 1);
        queue.submit(elsewhere);

        assertThat(handler.run(earliest).isDone()).isTrue();
        assertThat(handler.run(elsewhere).isDone()).isTrue();
        verify(notices).post("!r:example.org", "rs-notice-1", earliest.about(), earliest.what());
    }

    @Test
    void a_staff_join_waits_with_its_notice_while_an_earlier_notice_of_its_room_is_still_to_be_posted() {
        queue.submit(notice(9, "rs-notice-1"));
        var join = staffJoin(10);
        queue.submit(join);

        var result = moderators.run(join);

        assertThat(result.isDone()).isFalse();
        assertThat(result.runAgainAfter()).isEqualTo(NoticeOrder.WAIT);
        verifyNoInteractions(synchronizer, notices);
    }

    @Test
    void a_notice_of_a_later_event_waits_for_the_staff_join_before_it() {
        queue.submit(staffJoin(9));
        var later = notice(10, "rs-notice-2");
        queue.submit(later);

        assertThat(handler.run(later).isDone()).isFalse();
        verifyNoInteractions(notices);
    }

    @Test
    void a_staff_join_with_no_earlier_notice_joins_and_says_so_at_once() {
        var join = staffJoin(9);
        queue.submit(join);
        queue.submit(notice(10, "rs-notice-2"));
        when(synchronizer.joinModerator(room, "!r:example.org", join.userId())).thenReturn(Optional.of(
                new MemberChange(join.userId(), "@sam:example.org", Membership.JOINED, 50, null)));

        assertThat(moderators.run(join).isDone()).isTrue();
        verify(notices).post("!r:example.org", "rs-notice-join-event", join.userId(), "joined the room.");
    }
}
