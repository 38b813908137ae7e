package io.roomservice.infra.admin;

import io.roomservice.infra.deadletters.DeadLetters;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild's switch: with both processors stopped, one transaction makes the shadow the live read
 * model. Readers see the complete old rows until it commits, then the complete new ones.
 */
final class BlueGreenSwitch {

    private final ShadowTables tables;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final TransactionManager transactions;

    BlueGreenSwitch(ShadowTables tables, JdbcTemplate jdbc, DeadLetters deadLetters, TransactionManager transactions) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
    }

    /**
     * Replaces the live rows with the shadow's and the live processor's tokens with the shadow
     * processor's (renamed, unclaimed: the live processor goes on from the shadow's position), and drops
     * the live processor's dead letters (the shadow handled those events again). {@code record} runs in
     * the same transaction, so the run's record says switched exactly when it is.
     */
    void switchOver(RebuildableProjection projection, Runnable record) {
        transactions.executeInTransaction(() -> {
            tables.withoutStatementTimeout();
            for (var table : projection.tables()) {
                tables.copy(projection.shadowOf(table), table);
            }
            jdbc.update("delete from token_entry where processor_name = ?", projection.name());
            jdbc.update("update token_entry set processor_name = ?, owner = null where processor_name = ?",
                    projection.name(), projection.shadowProcessor());
            if (deadLetters.count(projection.name()).isPresent()) {
                deadLetters.evictAll(projection.name());
            }
            record.run();
        });
    }
}
