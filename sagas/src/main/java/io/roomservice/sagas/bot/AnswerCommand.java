package io.roomservice.sagas.bot;

import io.roomservice.sagas.work.HomeserverWork;

import java.time.Instant;

/**
 * Answer the command of Matrix event {@code eventId}. The key is the event id: a second submission
 * of the same command (a redelivered transaction) is a no-op in the queue, and the reply's Matrix
 * transaction id comes from it too, so a send repeated after a crash is a no-op on the homeserver.
 *
 * @param command the first token without "!", lowercased
 * @param askedAt when roomservice received the command (null in work submitted before it was recorded)
 */
public record AnswerCommand(String matrixRoomId, String eventId, String sender, String command, Instant askedAt)
        implements HomeserverWork {

    @Override
    public String key() {
        return "bot:" + eventId;
    }

    String transactionId() {
        return "rs-reply-" + eventId;
    }
}
