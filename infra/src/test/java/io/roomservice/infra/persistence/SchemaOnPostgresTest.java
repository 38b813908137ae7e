package io.roomservice.infra.persistence;

import io.roomservice.infra.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema Flyway owns keeps Axon's pitfalls out: no oid columns, a global index that advances by one. */
class SchemaOnPostgresTest extends EndToEndTest {

    @Test
    void everySerializedColumnIsByteaAndNoneIsOid() {
        List<String> oidColumns = jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'public' and data_type = 'oid'", String.class);
        List<String> binary = jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'public' and data_type = 'bytea'", String.class);

        assertThat(oidColumns).isEmpty();
        assertThat(binary).contains("domain_event_entry.payload", "domain_event_entry.meta_data",
                "snapshot_event_entry.payload", "snapshot_event_entry.meta_data", "token_entry.token",
                "saga_entry.serialized_saga", "dead_letter_entry.payload", "dead_letter_entry.meta_data",
                "dead_letter_entry.token", "dead_letter_entry.diagnostics");
    }

    @Test
    void theEventGlobalIndexSequenceIncrementsByOne() {
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'",
                Long.class)).isEqualTo(1L);
    }
}
