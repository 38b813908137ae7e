package io.roomservice.api.order;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The verbs of the order notices, as the reference gives them; waiting states post nothing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderStateTest {

    @Test
    void each_state_after_approval_has_the_reference_verb() {
        assertThat(OrderState.EXECUTING.noticeVerb()).contains("approved");
        assertThat(OrderState.DONE.noticeVerb()).contains("completed");
        assertThat(OrderState.REJECTED.noticeVerb()).contains("rejected");
        assertThat(OrderState.CANCELED.noticeVerb()).contains("canceled");
        assertThat(OrderState.ERRED.noticeVerb()).contains("failed");
    }

    @Test
    void the_states_that_wait_for_approval_have_no_notice() {
        assertThat(OrderState.PENDING_CONSUMER.noticeVerb()).isEmpty();
        assertThat(OrderState.PENDING_PROVIDER.noticeVerb()).isEmpty();
    }
}
