package io.roomservice.sagas.bot;

import io.roomservice.sagas.work.HomeserverWork;

/**
 * Answer the command of Matrix event {@code eventId}. The key is the event id: a second submission
 * of the same command (a redelivered transaction) is a no-op in the queue, and the reply's Matrix
 * transaction id comes from it too, so a send repeated after a crash is a no-op on the homeserver.
 *
 * @param command the first token without "!", lowercased
 */
public record AnswerCommand(String matrixRoomId, String eventId, String sender, String command)
        implements HomeserverWork {

    @Override
    public String key() {
        return "bot:" + eventId;
    }

    String transactionId() {
        return "rs-reply-" + eventId;
    }
}
