package io.roomservice.api.matrix;

import io.roomservice.api.room.RoomId;

import java.util.List;

public record RoomTimeline(RoomId roomId, List<TimelineEntry> events) {
}
