package io.roomservice.api.matrix;

import java.time.Instant;

/**
 * A row of a room's timeline as readers see it: a {@link MatrixRoomEvent} with its body shown, or
 * null for a membership change and once the person it belongs to was erased ({@code erased} true).
 */
public record TimelineEntry(String eventId,
                            String roomId,
                            String type,
                            String sender,
                            String stateKey,
                            String membership,
                            String msgtype,
                            String body,
                            boolean erased,
                            Instant originServerTs) {
}
