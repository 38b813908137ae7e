package io.roomservice.command.gateway;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.gateway.SubscribeWebhook;
import io.roomservice.api.gateway.UnsubscribeWebhook;
import io.roomservice.api.gateway.WebhookSubscribed;
import io.roomservice.api.gateway.WebhookUnsubscribed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebhookSubscriptionTest {

    private static final String ROOM = "!general:daarion.city";
    private static final String URL = "http://messaging:7004/hooks";
    private FixtureConfiguration<WebhookSubscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookSubscription.class);
    }

    @Test
    void a_subscription_records_the_service_the_room_and_the_event_types() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook("sub-1", "messaging", ROOM, URL, List.of("m.room.message")))
                .expectEvents(new WebhookSubscribed("sub-1", "messaging", ROOM, URL, List.of("m.room.message")));
    }

    @Test
    void the_subscribing_service_ends_its_subscription() {
        fixture.given(new WebhookSubscribed("sub-1", "messaging", ROOM, URL, List.of()))
                .when(new UnsubscribeWebhook("sub-1", "messaging"))
                .expectEvents(new WebhookUnsubscribed("sub-1", "messaging", ROOM));
    }

    @Test
    void another_service_cannot_end_a_subscription_it_did_not_make() {
        fixture.given(new WebhookSubscribed("sub-1", "messaging", ROOM, URL, List.of()))
                .when(new UnsubscribeWebhook("sub-1", "billing"))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void an_ended_subscription_cannot_be_ended_again() {
        fixture.given(new WebhookSubscribed("sub-1", "messaging", ROOM, URL, List.of()),
                        new WebhookUnsubscribed("sub-1", "messaging", ROOM))
                .when(new UnsubscribeWebhook("sub-1", "messaging"))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }
}
