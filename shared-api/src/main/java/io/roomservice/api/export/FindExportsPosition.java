package io.roomservice.api.export;

/**
 * How far the exports list has come, as an {@link ExportsPosition}: a reader that must see every export
 * asked for before a known event waits until the list has passed that event's position.
 */
public record FindExportsPosition() {
}
