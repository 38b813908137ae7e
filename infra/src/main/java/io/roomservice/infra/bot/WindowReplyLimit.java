package io.roomservice.infra.bot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.sagas.bot.ReplyLimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} replies per room in any window of one minute, counted on this node (commands
 * are decided by one processor thread, so with one segment every command passes here). What is over
 * is dropped and counted in {@code roomservice.bot.replies.dropped}.
 */
public class WindowReplyLimit implements ReplyLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int limit;
    private final Clock clock;
    private final Counter dropped;
    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    public WindowReplyLimit(int limit, Clock clock, MeterRegistry meters) {
        this.limit = limit;
        this.clock = clock;
        this.dropped = Counter.builder("roomservice.bot.replies.dropped")
                .description("Bot replies dropped by the per-room limit").register(meters);
    }

    @Override
    public boolean tryAcquire(String matrixRoomId) {
        long now = clock.millis();
        Deque<Long> times = sent.computeIfAbsent(matrixRoomId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                dropped.increment();
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
