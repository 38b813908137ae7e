package io.roomservice.api.migration;

import java.util.List;

/** Summaries of the migrations, newest first (a list in a record, for the query bus's response type). */
public record MigrationSummaries(List<MigrationReport> migrations) {
}
