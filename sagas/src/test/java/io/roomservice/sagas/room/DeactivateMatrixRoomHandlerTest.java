package io.roomservice.sagas.room;

import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.room.RecordMembersRemoved;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.InMemoryMemberHomeserver;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.membership.PostRoomNotice;
import io.roomservice.sagas.notice.NoticeOrder;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Emptying a disabling room's Matrix room: the notice, one kick per member still in it, then the report. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeactivateMatrixRoomHandlerTest {

    private static final String BOT = "@roomservice-bot:example.org";
    private static final String ROOM = "!apollo:example.org";

    private final InMemoryMemberHomeserver homeserver = new InMemoryMemberHomeserver();
    private final MatrixIdentities identities = mock(MatrixIdentities.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final RoomId roomId = RoomId.random();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final DeactivateMatrixRoom work = new DeactivateMatrixRoom(roomId, ROOM, 1, "project termination", 20);
    private DeactivateMatrixRoomHandler handler;

    @BeforeEach
    void setUp() {
        when(identities.botUserId()).thenReturn(BOT);
        when(queries.query(any(), any(org.axonframework.messaging.responsetypes.ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(null));
        handler = new DeactivateMatrixRoomHandler(homeserver, identities, queries, commands, queue);
        homeserver.membership.put(BOT, "join");
        homeserver.membership.put("@rs-ada:example.org", "join");
        homeserver.membership.put("@rs-bob:example.org", "invite");
        homeserver.membership.put("@rs-cyd:example.org", "leave");
        homeserver.membership.put("@rs-dan:example.org", "ban");
    }

    @Test
    void the_notice_comes_first_then_everyone_in_the_room_but_the_bot_is_kicked_and_recorded_as_left() {
        assertThat(handler.run(work).isDone()).isTrue();

        assertThat(homeserver.notices).containsExactly("Chat room was deactivated due to project termination");
        assertThat(homeserver.calls).containsExactly("notice " + work.noticeTransactionId(), "state",
                "kick @rs-ada:example.org (Chat room was deactivated)",
                "kick @rs-bob:example.org (Chat room was deactivated)");
        var sent = sentCommands();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0)).isInstanceOfSatisfying(RecordMemberChanges.class, left -> {
            assertThat(left.changes()).singleElement().satisfies(change -> {
                assertThat(change.matrixUserId()).isEqualTo("@rs-ada:example.org");
                assertThat(change.membership()).isEqualTo(Membership.LEFT);
                assertThat(change.reason()).isEqualTo("Chat room was deactivated");
            });
        });
        assertThat(sent.get(2)).isEqualTo(new RecordMembersRemoved(roomId, 1));
    }

    @Test
    void the_notice_and_the_kicks_wait_while_a_notice_of_an_earlier_event_of_the_room_is_still_to_be_posted() {
        queue.submit(new PostRoomNotice(roomId, ROOM, "rs-notice-1", null, "has been granted the Project Member role.", 19));

        var result = handler.run(work);

        assertThat(result.isDone()).isFalse();
        assertThat(result.runAgainAfter()).isEqualTo(NoticeOrder.WAIT);
        assertThat(homeserver.calls).isEmpty();
    }

    @Test
    void notices_of_other_rooms_and_of_later_events_do_not_hold_the_deactivation() {
        queue.submit(new PostRoomNotice(RoomId.random(), "!other:example.org", "rs-notice-1", null, "Chat room was reactivated", 1));
        queue.submit(new PostRoomNotice(roomId, ROOM, "rs-notice-2", null, "Chat room was reactivated", 21));

        assertThat(handler.run(work).isDone()).isTrue();
        assertThat(homeserver.calls.get(0)).isEqualTo("notice " + work.noticeTransactionId());
    }

    @Test
    void a_run_after_a_failed_kick_kicks_only_who_is_still_in_the_room() {
        homeserver.unreachable.add("@rs-bob:example.org");
        assertThatThrownBy(() -> handler.run(work)).isInstanceOf(HomeserverException.class);
        homeserver.unreachable.clear();
        homeserver.calls.clear();

        handler.run(work);

        assertThat(homeserver.calls).filteredOn(call -> call.startsWith("kick"))
                .containsExactly("kick @rs-bob:example.org (Chat room was deactivated)");
    }

    @Test
    void giving_up_puts_the_room_in_error_with_the_step_and_the_reason() {
        handler.gaveUp(work, HomeserverException.transientFailure("502 Bad Gateway", null), 6);

        assertThat(sentCommands()).singleElement().isInstanceOfSatisfying(RecordRoomFailure.class, failure ->
                assertThat(failure.reason()).isEqualTo("Kicking the members failed after 6 attempt(s): 502 Bad Gateway"));
    }

    private List<Object> sentCommands() {
        var sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeastOnce()).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        return sent.getAllValues().stream().<Object>map(command -> ((CommandMessage<?>) command).getPayload()).toList();
    }
}
