package io.roomservice.sagas.bot;

import io.roomservice.api.common.PersonalText;
import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Which pushed messages are commands the bot answers: {@code m.text} starting with "!" from anyone but
 * the bot, once per event id, within the room's reply limit.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BotCommandReactorTest {

    private static final String BOT = "@roomservice-bot:example.org";
    private static final String ROOM = "!apollo:example.org";
    private static final String ADA = "@rs-ada:example.org";
    private static final Instant RECEIVED = Instant.parse("2026-12-07T12:00:00Z");

    private final BotCommandReactor reactor = new BotCommandReactor();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private final MatrixIdentities identities = mock(MatrixIdentities.class);
    private final Set<String> seenIds = new HashSet<>();
    private final SeenCommands seen = seenIds::add;
    private final CountingLimit limit = new CountingLimit(10);

    /** The reply limit of the reference, per room, counting what it drops (the metric is WindowReplyLimitTest's). */
    private static final class CountingLimit implements ReplyLimit {
        private final int perRoom;
        private final Map<String, Integer> taken = new HashMap<>();
        private int dropped;

        CountingLimit(int perRoom) {
            this.perRoom = perRoom;
        }

        @Override
        public boolean tryAcquire(String matrixRoomId) {
            if (taken.merge(matrixRoomId, 1, Integer::sum) > perRoom) {
                dropped++;
                return false;
            }
            return true;
        }
    }

    @BeforeEach
    void setUp() {
        when(identities.botUserId()).thenReturn(BOT);
    }

    private static MatrixRoomEvent message(String eventId, String sender, String msgtype, String body) {
        return message(eventId, ROOM, sender, msgtype, body);
    }

    private static MatrixRoomEvent message(String eventId, String room, String sender, String msgtype, String body) {
        return MatrixRoomEvent.message(eventId, room, sender, msgtype, PersonalText.of(UUID.randomUUID(), body),
                RECEIVED, null);
    }

    private void push(MatrixRoomEvent... events) {
        reactor.on(new HomeserverTransactionReceived("txn-" + UUID.randomUUID(), "digest", Arrays.asList(events)),
                RECEIVED, work, limit, identities, seen);
    }

    @Test
    void a_text_message_that_starts_with_an_exclamation_mark_is_answered_as_the_lowercased_first_token() {
        push(message("$e1", ADA, "m.text", "!STATUS please"));

        assertThat(work.submitted(AnswerCommand.class))
                .containsExactly(new AnswerCommand(ROOM, "$e1", ADA, "status", RECEIVED));
        assertThat(work.submitted()).extracting(w -> w.key()).containsExactly("bot:$e1");
    }

    @Test
    void notices_the_bots_own_messages_and_plain_messages_are_not_commands() {
        push(message("$e1", ADA, "m.notice", "!help"),
                message("$e2", BOT, "m.text", "!help"),
                message("$e3", ADA, "m.text", "hello !help"),
                message("$e4", ADA, "m.text", "!"));

        assertThat(work.submitted()).isEmpty();
        assertThat(limit.taken).isEmpty();
    }

    @Test
    void a_command_pushed_again_in_another_transaction_is_not_answered_again() {
        var command = message("$e1", ADA, "m.text", "!help");
        push(command);
        push(command, message("$e2", ADA, "m.text", "!orders"));

        assertThat(work.submitted(AnswerCommand.class)).extracting(AnswerCommand::eventId).containsExactly("$e1", "$e2");
        assertThat(limit.taken.get(ROOM)).isEqualTo(2);
    }

    @Test
    void commands_over_the_rooms_limit_are_dropped_and_counted() {
        push(IntStream.rangeClosed(1, 12).mapToObj(i -> message("$e" + i, ADA, "m.text", "!help"))
                .toArray(MatrixRoomEvent[]::new));
        push(message("$other", "!other:example.org", ADA, "m.text", "!help"));

        assertThat(work.submitted(AnswerCommand.class)).extracting(AnswerCommand::eventId)
                .containsExactlyElementsOf(List.of("$e1", "$e2", "$e3", "$e4", "$e5", "$e6", "$e7", "$e8", "$e9",
                        "$e10", "$other"));
        assertThat(limit.dropped).isEqualTo(2);
    }

    @Test
    void without_a_homeserver_link_nothing_is_answered() {
        when(identities.botUserId()).thenThrow(new IllegalStateException("no homeserver is set up"));

        push(message("$e1", ADA, "m.text", "!help"));

        assertThat(work.submitted()).isEmpty();
    }
}
