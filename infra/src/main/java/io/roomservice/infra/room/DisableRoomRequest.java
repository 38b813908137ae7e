package io.roomservice.infra.room;

/** {@code {"delete_history": false}}; the body may be omitted. */
public record DisableRoomRequest(Boolean deleteHistory) {

    boolean deleteHistoryOrDefault() {
        return Boolean.TRUE.equals(deleteHistory);
    }
}
