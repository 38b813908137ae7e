package io.roomservice.infra.room;

import io.roomservice.api.room.FindRoom;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/** Reads rooms from the read model, including "wait until my write is visible". */
@Component
public class RoomReads {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final QueryGateway queries;

    public RoomReads(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<RoomView> find(RoomId roomId) {
        return Optional.ofNullable(queries.query(new FindRoom(roomId), ResponseTypes.instanceOf(RoomView.class)).join());
    }

    /**
     * Subscribes before the command is sent, so the projection's update for the new room cannot be
     * missed; the returned handle yields the room as soon as the read model holds it. The caller closes
     * it on every path (try-with-resources): the command may be refused or fail before anything is
     * awaited, and an open subscription is matched against every update the projection emits.
     *
     * <p>The update is emitted only on the node whose processor handled the room's event; with several
     * nodes that may be another one, so the read model is also looked at every {@link #POLL_INTERVAL}.
     */
    public PendingRoom subscribe(RoomId roomId) {
        var subscription = queries.subscriptionQuery(new FindRoom(roomId), ResponseTypes.instanceOf(RoomView.class),
                ResponseTypes.instanceOf(RoomView.class));
        return new PendingRoom() {
            @Override
            public Optional<RoomView> await(Duration timeout) {
                try {
                    var initial = subscription.initialResult().blockOptional(timeout);
                    if (initial.isPresent()) {
                        return initial;
                    }
                    var polled = Flux.interval(POLL_INTERVAL).concatMap(tick -> Mono.justOrEmpty(find(roomId)));
                    return Flux.merge(subscription.updates(), polled).next().blockOptional(timeout);
                } catch (IllegalStateException timedOut) {
                    return Optional.empty();
                }
            }

            @Override
            public void close() {
                subscription.close();
            }
        };
    }

    /** A subscription to one room's view; open until closed. */
    public interface PendingRoom extends AutoCloseable {

        /** The room once the read model holds it, or empty when {@code timeout} passed first. */
        Optional<RoomView> await(Duration timeout);

        /** Ends the subscription; no checked exception. */
        @Override
        void close();
    }
}
