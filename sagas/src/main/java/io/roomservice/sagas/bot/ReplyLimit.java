package io.roomservice.sagas.bot;

/** At most so many replies per room per minute; what is over is dropped (and counted by the implementation). */
@FunctionalInterface
public interface ReplyLimit {

    /** True when a reply in this room is allowed now (and counts it), false when it is to be dropped. */
    boolean tryAcquire(String matrixRoomId);
}
