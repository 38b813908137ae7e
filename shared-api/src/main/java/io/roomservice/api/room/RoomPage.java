package io.roomservice.api.room;

import java.util.List;

public record RoomPage(List<RoomView> rooms, long total, int page, int size) {
}
