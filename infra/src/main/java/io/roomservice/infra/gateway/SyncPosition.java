package io.roomservice.infra.gateway;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The opaque {@code next_batch} of the gateway's sync: a position in roomservice's event store (the
 * global index and the gaps below it that a later commit may still fill, so no event is skipped).
 * Callers pass it back as {@code since}; they must not read it.
 */
final class SyncPosition {

    private static final String PREFIX = "rs1_";

    private SyncPosition() {
    }

    static String encode(TrackingToken token) {
        GapAwareTrackingToken gapAware = (GapAwareTrackingToken) token;
        String plain = gapAware == null ? "-1" : gapAware.getIndex() + (gapAware.getGaps().isEmpty() ? ""
                : ":" + gapAware.getGaps().stream().map(String::valueOf).collect(Collectors.joining(",")));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a {@code since} names; the envelope's 400 when it is none of ours. */
    static GapAwareTrackingToken decode(String since) {
        try {
            if (!since.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            String plain = new String(Base64.getUrlDecoder().decode(since.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 2);
            long index = Long.parseLong(parts[0]);
            TreeSet<Long> gaps = new TreeSet<>();
            if (parts.length == 2) {
                for (String gap : parts[1].split(",")) {
                    gaps.add(Long.parseLong(gap));
                }
            }
            if (index < -1 || gaps.size() > 10_000 || (!gaps.isEmpty() && gaps.last() >= index)) {
                throw new IllegalArgumentException();
            }
            return index < 0 ? null : GapAwareTrackingToken.newInstance(index, gaps);
        } catch (IllegalArgumentException e) {
            throw GatewayException.badJson("since is not a position this gateway gave out.");
        }
    }
}
