package io.roomservice.api.export;

/** @param position the global index up to which every event has been applied to the exports list, -1 before any */
public record ExportsPosition(long position) {
}
