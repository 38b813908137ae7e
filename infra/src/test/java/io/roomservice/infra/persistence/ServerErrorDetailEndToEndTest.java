package io.roomservice.infra.persistence;

import io.roomservice.infra.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A failed statement's message, which every error log repeats, carries PostgreSQL's error text but
 * not its detail, where the values of the failed row (a person's name, an e-mail address) are quoted.
 */
class ServerErrorDetailEndToEndTest extends EndToEndTest {

    @Test
    void aFailedStatementsMessageKeepsTheErrorButNotTheRowValuesOfItsDetail() {
        // the value comes as a bind parameter, as every statement of roomservice passes row values
        jdbc.execute("create or replace function test_fail_with_detail(v text) returns int language plpgsql as $$ "
                + "begin raise exception 'refused by the test' using detail = 'Key (email)=(' || v || ')'; end $$");
        DataAccessException failure;
        try {
            failure = catchThrowableOfType(DataAccessException.class, () ->
                    jdbc.queryForObject("select test_fail_with_detail(?)", Integer.class, "ada@example.org"));
        } finally {
            jdbc.execute("drop function if exists test_fail_with_detail(text)");
        }

        String messages = messagesOf(failure);
        assertThat(messages).contains("refused by the test");
        assertThat(messages).doesNotContain("ada@example.org");
    }

    private static String messagesOf(Throwable failure) {
        var all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.append(NestedExceptionUtils.getMostSpecificCause(failure)).toString();
    }
}
