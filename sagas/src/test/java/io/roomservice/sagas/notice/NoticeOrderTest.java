package io.roomservice.sagas.notice;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.membership.PostRoomNotice;
import io.roomservice.sagas.membership.PostRoomNoticeHandler;
import io.roomservice.sagas.membership.RoomNotices;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** A room's notices post in the order of the events that decided them, whichever thread runs first. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NoticeOrderTest {

    private final RoomId room = RoomId.random();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final RoomNotices notices = mock(RoomNotices.class);
    private final PostRoomNoticeHandler handler = new PostRoomNoticeHandler(notices, queue);

    private PostRoomNotice notice(long position, String txn) {
        return new PostRoomNotice(room, "!r:example.org", txn, UserId.random(), "has been granted the Member role.",
                position);
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
}
