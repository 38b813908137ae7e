package io.roomservice.sagas.export;

import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * Makes the export's files. Safe to repeat: a run starts from the room's first message and replaces
 * the files an interrupted run may have stored, so a restart or an outage costs the time, not the result.
 *
 * @param type the export's type, which decides whether it may start on a room that is no longer active
 *             (null in work stored before it was kept: such work starts as it did then)
 */
public record RunHistoryExport(ExportId exportId, RoomId roomId, String matrixRoomId, boolean media,
                               ExportType type) implements HomeserverWork {

    @Override
    public String key() {
        return "export:" + exportId;
    }
}
