package io.roomservice.api.audit;

import io.roomservice.api.room.RoomId;

import java.util.List;

public record RoomHistory(RoomId roomId, List<AuditEntry> events) {
}
