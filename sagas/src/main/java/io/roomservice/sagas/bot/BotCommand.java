package io.roomservice.sagas.bot;

import java.util.Locale;
import java.util.Optional;

/** A message that starts with "!" is a command: its first token, lowercased, without the "!"; arguments are ignored. */
public final class BotCommand {

    /** Longer first tokens are cut: the command is echoed in "Unknown command" and kept in the work queue. */
    static final int MAX_LENGTH = 64;

    private BotCommand() {
    }

    public static Optional<String> of(String body) {
        if (body == null || !body.startsWith("!")) {
            return Optional.empty();
        }
        String rest = body.substring(1).strip();
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        String token = rest.substring(0, Math.min(end, MAX_LENGTH)).toLowerCase(Locale.ROOT);
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
