package io.roomservice.infra.migration;

/** {@code {"dry_run": true}} lists what would happen and records nothing; the body may be omitted. */
public record StartMigrationRequest(Boolean dryRun) {

    boolean dryRunOrDefault() {
        return Boolean.TRUE.equals(dryRun);
    }
}
