package io.roomservice.infra.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * History exports ({@code roomservice.exports.*}).
 *
 * @param enabled           a disabling exports the room before archiving it, and the periodic export runs
 *                          (the seed's MATRIX_HISTORY_EXPORT_ENABLED; default false). Manual exports
 *                          work regardless.
 * @param media             exports download the room's media into a ZIP (MATRIX_EXPORT_MEDIA; default false)
 * @param directory         where export files are stored (default ./data/exports); shared by every node
 * @param schedule          when the periodic export of every active room runs, a six-field cron in UTC
 *                          (default {@code 0 0 2 * * *}, daily 02:00)
 * @param retentionDays     exports older than this are deleted with their files, each room's newest
 *                          completed export excepted (default 90; 0 or less keeps everything)
 * @param retentionSchedule when retention runs, a six-field cron in UTC (default {@code 0 30 3 * * *})
 * @param pageSize          events asked for per {@code /messages} page (default 1000, Synapse's cap)
 */
@ConfigurationProperties("roomservice.exports")
public record ExportProperties(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean media,
                               @DefaultValue("./data/exports") Path directory,
                               @DefaultValue("0 0 2 * * *") String schedule,
                               @DefaultValue("90") int retentionDays,
                               @DefaultValue("0 30 3 * * *") String retentionSchedule,
                               @DefaultValue("1000") int pageSize) {
}
