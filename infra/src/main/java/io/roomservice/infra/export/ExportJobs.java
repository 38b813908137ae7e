package io.roomservice.infra.export;

import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.ExportView;
import io.roomservice.api.export.FindExportsToDelete;
import io.roomservice.api.export.RequestExport;
import io.roomservice.api.room.ListRooms;
import io.roomservice.api.room.RoomPage;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.export.DeleteRoomExportsHandler;
import io.roomservice.sagas.export.StorageFailures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the recurring tasks do. Both run outside any transaction, on the node that picked the task.
 */
public class ExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    private static final int PAGE = 200;

    private final ExportProperties properties;
    private final FilesystemExportFiles files;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public ExportJobs(ExportProperties properties, FilesystemExportFiles files, QueryGateway queries,
                      CommandGateway commands, Clock clock) {
        this.properties = properties;
        this.files = files;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * One periodic export per active room. Its id is named by room and day, so a run repeated the same
     * day (after a crash mid-way) asks for the same exports again and those that exist are refused.
     */
    public int exportActiveRooms() {
        if (!properties.enabled()) {
            return 0;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int requested = 0;
        for (int page = 0; ; page++) {
            RoomPage rooms = queries.query(new ListRooms(null, RoomState.ACTIVE, page, PAGE),
                    ResponseTypes.instanceOf(RoomPage.class)).join();
            for (RoomView room : rooms.rooms()) {
                if (room.matrixRoomId() != null) {
                    SystemCommands.send(commands, new RequestExport(ExportId.named("periodic:" + room.roomId() + ":" + day),
                            room.roomId(), room.matrixRoomId(), ExportType.PERIODIC, properties.media()));
                    requested++;
                }
            }
            if (rooms.rooms().size() < PAGE) {
                break;
            }
        }
        log.info("Periodic history export requested for {} active room(s)", requested);
        return requested;
    }

    /**
     * Deletes exports older than the retention, files first; each room's newest completed export stays.
     * Then removes what crashed runs left behind, whatever the retention: keeping every export (0 days)
     * is no reason to keep half-written files.
     */
    public int applyRetention() {
        int deleted = properties.retentionDays() > 0 ? deleteOldExports() : 0;
        try {
            int purged = files.purgeAbandoned(Duration.ofDays(1));
            if (purged > 0) {
                log.info("History export retention removed {} file(s) left behind by interrupted runs", purged);
            }
        } catch (IOException e) {
            log.warn("Retention could not look for abandoned export files: {}", StorageFailures.describe(e));
        }
        return deleted;
    }

    private int deleteOldExports() {
        ExportPage old = queries.query(new FindExportsToDelete(null,
                        clock.instant().minus(Duration.ofDays(properties.retentionDays()))),
                ResponseTypes.instanceOf(ExportPage.class)).join();
        int deleted = 0;
        for (ExportView export : old.exports()) {
            try {
                DeleteRoomExportsHandler.delete(files, commands, export);
                deleted++;
            } catch (RuntimeException failure) {
                log.warn("Retention could not delete export {}: {}", export.exportId(), failure.getMessage());
            }
        }
        log.info("History export retention deleted {} export(s) older than {} day(s)", deleted,
                properties.retentionDays());
        return deleted;
    }
}
