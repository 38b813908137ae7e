package io.roomservice.command.gateway;

import io.roomservice.api.gateway.GatewayAction;
import io.roomservice.api.gateway.GatewayActionRecorded;
import io.roomservice.api.gateway.RecordGatewayAction;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GatewayActorTest {

    private static final String SOFIA = "@rs-gw-sofia:daarion.city";
    private FixtureConfiguration<GatewayActor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GatewayActor.class);
    }

    @Test
    void the_first_action_of_an_identity_is_recorded_with_the_service_and_the_platform_actor() {
        fixture.givenNoPriorActivity()
                .when(new RecordGatewayAction(SOFIA, "messaging", "agent:sofia", GatewayAction.MESSAGE_SENT,
                        "!general:daarion.city", null, "$e1"))
                .expectEvents(new GatewayActionRecorded(SOFIA, "messaging", "agent:sofia", GatewayAction.MESSAGE_SENT,
                        "!general:daarion.city", null, "$e1"));
    }

    @Test
    void every_later_action_is_recorded_too_even_the_same_one_again() {
        var sent = new GatewayActionRecorded(SOFIA, "messaging", "agent:sofia", GatewayAction.MESSAGE_SENT,
                "!general:daarion.city", null, "$e1");
        fixture.given(sent)
                .when(new RecordGatewayAction(SOFIA, "messaging", "agent:sofia", GatewayAction.MESSAGE_SENT,
                        "!general:daarion.city", null, "$e1"))
                .expectEvents(sent);
    }
}
