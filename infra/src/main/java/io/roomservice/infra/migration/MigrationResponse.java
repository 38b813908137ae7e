package io.roomservice.infra.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roomservice.api.migration.MigrationReport;
import io.roomservice.api.migration.RoomOutcome;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A migration as the API shows it: progress counts, and with {@code rooms} (one migration, not the
 * list) each planned room's outcome in plan order. No token: the homeserver is named by its URL.
 */
public record MigrationResponse(UUID uuid, String state, String homeserverUrl, String startedBy, Instant startedAt,
                                Instant finishedAt, int concurrency, int accountsReset,
                                MigrationReport.Progress progress,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<RoomOutcomeResponse> rooms) {

    public record RoomOutcomeResponse(UUID uuid, String outcome, String matrixRoomId, String reason, Instant at) {

        static RoomOutcomeResponse of(RoomOutcome room) {
            return new RoomOutcomeResponse(room.roomId().value(), room.outcome().wireName(), room.matrixRoomId(),
                    room.reason(), room.at());
        }
    }

    static MigrationResponse of(MigrationReport report, boolean withRooms) {
        return new MigrationResponse(report.migrationId().value(), report.state().wireName(), report.homeserverUrl(),
                report.startedBy(), report.startedAt(), report.finishedAt(), report.concurrency(),
                report.accountsReset(), report.progress(),
                withRooms ? report.rooms().stream().map(RoomOutcomeResponse::of).toList() : null);
    }
}
