package io.roomservice.sagas.bot;

import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * Finds the commands in what the homeserver pushed and submits their answers as homeserver work, in
 * the transaction that moves this processor past the transaction's event: an answer is submitted
 * once, and a replay never answers again. A command event the homeserver pushes again in another
 * transaction is known by its event id ({@link SeenCommands}) and left alone. Only {@code m.text} (bots
 * and bridges speak in {@code m.notice}, which no bot answers), never the bot's own messages.
 */
@ProcessingGroup(BotCommandReactor.PROCESSING_GROUP)
@DisallowReplay
public class BotCommandReactor {

    public static final String PROCESSING_GROUP = "bot-commands";

    @EventHandler
    void on(HomeserverTransactionReceived event, @Timestamp Instant receivedAt, HomeserverWorkQueue work,
            ReplyLimit limit, MatrixIdentities identities, SeenCommands seen) {
        String bot;
        try {
            bot = identities.botUserId();
        } catch (RuntimeException noHomeserverLink) {
            return; // no homeserver is set up: nobody to answer as, and nowhere to answer
        }
        for (MatrixRoomEvent pushed : event.events()) {
            if (!pushed.isRoomMessage() || !"m.text".equals(pushed.msgtype()) || pushed.body() == null
                    || pushed.eventId() == null || pushed.roomId() == null || pushed.sender() == null) {
                continue;
            }
            var command = BotCommand.of(pushed.body().value());
            if (command.isEmpty() || pushed.sender().equals(bot) || !seen.firstSeen(pushed.eventId())) {
                continue;
            }
            if (limit.tryAcquire(pushed.roomId())) {
                work.submit(new AnswerCommand(pushed.roomId(), pushed.eventId(), pushed.sender(), command.get(),
                        receivedAt));
            }
        }
    }
}
