package io.roomservice.sagas.bot;

/**
 * The commands the bot has read, by Matrix event id, kept for good. The homeserver may push an event
 * again in a later transaction of its own (another transaction id, or with other events), which the
 * appservice endpoint records as new; the work queue forgets an answer once it is posted, so this is
 * what keeps a command from being answered twice.
 */
@FunctionalInterface
public interface SeenCommands {

    /**
     * Records the command in the transaction of the event being handled; false when it was recorded
     * before, and the command is then left alone (answered, or dropped by the limit, already).
     */
    boolean firstSeen(String eventId);
}
