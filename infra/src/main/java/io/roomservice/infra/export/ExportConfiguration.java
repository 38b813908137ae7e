package io.roomservice.infra.export;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.sagas.export.DeleteRoomExportsHandler;
import io.roomservice.sagas.export.ExportFiles;
import io.roomservice.sagas.export.ExportSettings;
import io.roomservice.sagas.export.HistoryExporter;
import io.roomservice.sagas.export.RunHistoryExportHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * History exports: the storage, the exporter behind the saga's port, the handlers of the export work,
 * and the two recurring db-scheduler tasks (periodic exports, retention). A recurring task runs on one
 * node per due time, whichever picks it first: two nodes never run the same periodic export twice.
 */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    static final String PERIODIC_TASK = "periodic-history-exports";
    static final String RETENTION_TASK = "history-export-retention";

    @Bean
    ExportSettings exportSettings(ExportProperties properties) {
        return new ExportSettings() {
            @Override
            public boolean enabled() {
                return properties.enabled();
            }

            @Override
            public boolean media() {
                return properties.media();
            }
        };
    }

    @Bean
    FilesystemExportFiles exportFiles(ExportProperties properties) {
        return new FilesystemExportFiles(properties.directory());
    }

    @Bean
    HistoryExporter historyExporter(MatrixConnections connections, ExportFiles files, ExportProperties properties) {
        return new MatrixHistoryExporter(connections, files, properties.pageSize(), Clock.systemUTC());
    }

    @Bean
    RunHistoryExportHandler runHistoryExportHandler(HistoryExporter exporter, QueryGateway queries,
                                                    CommandGateway commands) {
        return new RunHistoryExportHandler(exporter, queries, commands);
    }

    @Bean
    DeleteRoomExportsHandler deleteRoomExportsHandler(ExportFiles files, QueryGateway queries,
                                                      CommandGateway commands) {
        return new DeleteRoomExportsHandler(files, queries, commands);
    }

    @Bean
    ExportJobs exportJobs(ExportProperties properties, FilesystemExportFiles files, QueryGateway queries,
                          CommandGateway commands) {
        return new ExportJobs(properties, files, queries, commands, Clock.systemUTC());
    }

    @Bean
    Task<Void> periodicHistoryExports(ExportProperties properties, ExportJobs jobs) {
        return Tasks.recurring(PERIODIC_TASK, Schedules.cron(properties.schedule(), ZoneOffset.UTC))
                .execute((instance, context) -> jobs.exportActiveRooms());
    }

    @Bean
    Task<Void> historyExportRetention(ExportProperties properties, ExportJobs jobs) {
        return Tasks.recurring(RETENTION_TASK, Schedules.cron(properties.retentionSchedule(), ZoneOffset.UTC))
                .execute((instance, context) -> jobs.applyRetention());
    }
}
